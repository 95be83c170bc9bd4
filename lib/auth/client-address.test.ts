import { describe, expect, it } from "vitest";
import { clientAddress, SOCKET_ADDRESS_HEADER, SOCKET_ADDRESS_MARKER } from "./client-address";

const withScript = { [SOCKET_ADDRESS_MARKER]: "1" };

describe("clientAddress", () => {
  it("with no trusted proxy, is the TCP peer whatever X-Forwarded-For says", () => {
    const headers = { [SOCKET_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" };
    expect(clientAddress(headers, 0, withScript)).toBe("203.0.113.7");
    expect(clientAddress(new Headers(headers), 0, withScript)).toBe("203.0.113.7");
  });

  it("behind N proxies, is the Nth entry from the right: entries a client adds on the left are ignored", () => {
    const headers = { [SOCKET_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "1.2.3.4, 203.0.113.7, 10.0.0.1" };
    expect(clientAddress(headers, 1, withScript)).toBe("10.0.0.1");
    expect(clientAddress(headers, 2, withScript)).toBe("203.0.113.7");
  });

  it("falls back to the peer when the header has fewer entries than proxies, or a malformed one", () => {
    expect(clientAddress({ [SOCKET_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.7" }, 2, withScript)).toBe("10.0.0.2");
    expect(clientAddress({ [SOCKET_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "<script>, 10.0.0.1" }, 2, withScript)).toBe("10.0.0.2");
  });

  it("trusts the socket-address header only where the server's script set it", () => {
    const spoofed = { [SOCKET_ADDRESS_HEADER]: "1.1.1.1", "x-forwarded-for": "127.0.0.1" };
    expect(clientAddress(spoofed, 0, {})).toBe("127.0.0.1");
  });
});

// Starts the production build (its entry script, scripts/serve.ts) on loopback as a process group of its own, so the
// benchmark can read its memory and the fault tests can kill it with SIGKILL (the whole group, as a
// crash would) and start it again on the same port.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { standaloneDir } from "./next-build";
import { serverNodeOptions } from "./server-memory";

const root = path.resolve(__dirname, "..");

const APP_SECRET = "bench-and-faults-secret-not-for-production-0123456789";

export interface AppServer {
  baseUrl: string;
  port: number;
  /** The spawned process (the group leader). */
  pid(): number;
  /**
   * Resident memory in bytes (Linux /proc): `server` of the process that serves requests (serve.js
   * runs Next's server in its own process), `tree` of it and any child.
   */
  rss(): { server: number; tree: number };
  /** CPU time (user + system) used so far by the server's processes, in seconds. */
  cpuSeconds(): number;
  /** kill -9 of the whole process group; resolves when it is gone. */
  crash(): Promise<void>;
  /** Starts it again on the same port (after crash() or stop()). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The app did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** Every process whose parent chain leads to `pid` (pid included). */
function processTree(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // exited meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child);
  return tree;
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** User + system CPU seconds of `pid` and its descendants (Linux /proc, clock ticks of 1/100 s). */
export function cpuSecondsOf(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // exited meanwhile
    }
  }
  return ticks / 100;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startAppServer(options: {
  databaseUrl: string;
  port: number;
  env?: Record<string, string | undefined>;
  log?: boolean;
  /** Options for serve.js, e.g. --migrate. */
  args?: string[];
  /** A file the server's stdout and stderr (its JSON log) are appended to, across restarts. */
  logFile?: string;
}): Promise<AppServer> {
  const { port } = options;
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    NEXTAUTH_SECRET: APP_SECRET,
    NEXTAUTH_URL: baseUrl,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
    // Every simulated client signs in from 127.0.0.1.
    SIGN_IN_ATTEMPTS_PER_CLIENT: "1000",
    NODE_OPTIONS: serverNodeOptions(),
    ...options.env,
  };
  let child: ChildProcess;
  const launch = async () => {
    const output = options.logFile ? openSync(options.logFile, "a") : undefined;
    child = spawn(process.execPath, [path.join(standaloneDir(), "serve.js"), ...(options.args ?? [])], {
      cwd: root,
      env,
      detached: true,
      stdio: output === undefined ? ["ignore", "ignore", options.log === false ? "ignore" : "inherit"] : ["ignore", output, output],
    });
    if (output !== undefined) closeSync(output); // the child has its own copy
    await waitForServer(`${baseUrl}/sign-in`, 60_000);
  };
  const killGroup = async (signal: NodeJS.Signals) => {
    const running = child;
    if (running.exitCode !== null || running.signalCode !== null) return;
    try {
      process.kill(-running.pid!, signal);
    } catch {
      return;
    }
    await exited(running);
  };
  await launch();
  return {
    baseUrl,
    port,
    pid: () => child.pid!,
    rss: () => {
      const tree = processTree(child.pid!);
      const servers = tree.filter((pid) => commandOf(pid).startsWith("next-server"));
      // Next names its process next-server; where it does not, the whole tree is the server.
      const sum = (pids: number[]) => pids.reduce((total, pid) => total + rssOf(pid), 0);
      return { server: sum(servers.length > 0 ? servers : tree), tree: sum(tree) };
    },
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    crash: () => killGroup("SIGKILL"),
    restart: launch,
    stop: () => killGroup("SIGTERM"),
  };
}

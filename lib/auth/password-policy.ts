/** Shared by the server's validation and the forms' hints (no server code here: forms import it). */
export const MIN_PASSWORD_LENGTH = 12;

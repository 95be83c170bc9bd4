// Dates and times as the app shows them, in British English, written out by hand rather than with
// toLocaleDateString / Intl: in the browser the first Intl call of each format loads locale data and
// builds a formatter, tens of milliseconds on a slow laptop, and each later call builds another. On
// the case page that was the largest piece of one long task at load (bench/RESULTS.md). The unit
// test (lib/dates.test.ts) holds each function to Intl's own output.

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;
// en-GB's short months: "Sept", not "Sep".
const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"] as const;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

const twoDigits = (n: number) => String(n).padStart(2, "0");

/** A calendar date as in the reports, "22 January 2024", read in UTC (dates are stored as UTC midnights). */
export function formatDate(date: Date | null | undefined): string {
  if (!date) return "—";
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** The device's clock time, "09:05", or "09:05:07" with seconds. */
export function clockTime(date: Date, { seconds = false }: { seconds?: boolean } = {}): string {
  const hm = `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
  return seconds ? `${hm}:${twoDigits(date.getSeconds())}` : hm;
}

/** A day and clock time on the device, "2 Sept, 09:05". */
export function dayAndTime(date: Date): string {
  return `${date.getDate()} ${SHORT_MONTHS[date.getMonth()]}, ${clockTime(date)}`;
}

/** GOV.UK style, on the device: "9:05am on Wednesday 2 December". */
export function timeOnDay(date: Date): string {
  const hours = date.getHours() % 12 || 12;
  const time = `${hours}:${twoDigits(date.getMinutes())}${date.getHours() < 12 ? "am" : "pm"}`;
  return `${time} on ${WEEKDAYS[date.getDay()]} ${date.getDate()} ${MONTHS[date.getMonth()]}`;
}

import type { ButtonHTMLAttributes } from "react";

/** GOV.UK's button and its secondary and warning variants; their look is app/globals.css's (`.button`). */
export function Button({ variant = "primary", className, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "warning" }) {
  return <button type="submit" {...props} className={`button button-${variant} ${className ?? ""}`} />;
}

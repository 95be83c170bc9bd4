import type { ButtonHTMLAttributes } from "react";

const variants = {
  primary: "bg-success text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]",
  secondary: "bg-panel text-ink shadow-[0_2px_0_#929191] hover:bg-[#dbdad9]",
  warning: "bg-error text-white shadow-[0_2px_0_#55150b] hover:bg-[#aa2a16]",
} as const;

export function Button({ variant = "primary", className, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  return (
    <button
      type="submit"
      {...props}
      className={`inline-block px-3 py-1.5 font-semibold disabled:opacity-50 ${variants[variant]} ${className ?? ""}`}
    />
  );
}

// The ethnicity column is the import's one free-text column that may hold spaces, so the reference
// column's rule (whitespace is how a name shows up, so refuse it) cannot apply as it is. Instead a
// value must be either a code (one token of letters and digits in capitals or with a digit, like
// WBRI, A1 or E3) or a description written only with the words of the ethnic group classifications
// in use (ONS 2021 census for England and Wales, and the YJ Application Framework's "not known"
// answers), like "White British" or "Mixed, White and Black Caribbean". Anything else, "Jo Bloggs"
// or "bloggs" say, may be a child's name and is refused.

const DESCRIPTION_WORDS = new Set(
  (
    "white black asian british english welsh scottish northern irish gypsy traveller roma mixed multiple " +
    "african caribbean indian pakistani bangladeshi chinese arab other any and or of ethnic ethnicity group groups " +
    "background heritage european eastern western central south southern east north american latin latino latina " +
    "hispanic middle eastern kurdish turkish somali polish sri lankan nepali filipino vietnamese iranian afghan " +
    "not known stated recorded given refused declined unknown information obtained prefer to say no answer"
  ).split(" "),
);

const CODE = /^(?=.*[A-Z0-9])[A-Z0-9]{1,10}$/;

/** Whether an ethnicity value is a code or a description made of classification words only. */
export function isEthnicityValue(value: string): boolean {
  if (!/\s/.test(value) && CODE.test(value) && (value === value.toUpperCase() || /\d/.test(value))) return true;
  const words = value.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.length > 0 && words.every((word) => DESCRIPTION_WORDS.has(word));
}

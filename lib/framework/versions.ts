// The framework versions the application knows: this list of declarations, oldest first. Their ids,
// names and the newest one all come from it, so adding a version is its file and one entry here
// (plus the migration adding its id to the CHECKs on framework_version; README "Adding a framework
// version").

import type { Framework } from "./types";
import { YJS_2018 } from "./yjs-2018";
import { YJS_2021 } from "./yjs-2021";

const DECLARED_FRAMEWORKS = [YJS_2018, YJS_2021] as const;

export type FrameworkVersion = (typeof DECLARED_FRAMEWORKS)[number]["version"];

/** Every declaration, oldest first (index.ts's registry starts from them). */
export const FRAMEWORK_DECLARATIONS: readonly Framework[] = DECLARED_FRAMEWORKS;

/** The ids, oldest first; a non-empty tuple, as z.enum takes it. */
export const FRAMEWORK_VERSIONS = Object.freeze(DECLARED_FRAMEWORKS.map((framework) => framework.version)) as readonly FrameworkVersion[] as readonly [FrameworkVersion, ...FrameworkVersion[]];

/** The version a new inspection starts on: the last declared. */
export const NEWEST_FRAMEWORK_VERSION: FrameworkVersion = DECLARED_FRAMEWORKS[DECLARED_FRAMEWORKS.length - 1]!.version;

/** Each version's name for people, from its declaration. */
export const FRAMEWORK_VERSION_LABELS: Readonly<Record<FrameworkVersion, string>> = Object.freeze(
  Object.fromEntries(DECLARED_FRAMEWORKS.map((framework) => [framework.version, framework.label])) as Record<FrameworkVersion, string>,
);

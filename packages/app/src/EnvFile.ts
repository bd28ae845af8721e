/**
 * The settings file: `.env` in the working directory, or the file ENV_FILE names. Settings come from
 * the environment first, then from this file, so a variable set in the environment wins.
 */
export const envFile = (): string => process.env["ENV_FILE"] ?? ".env"

/** The text of `halo-wizard --help`, kept apart from the CLI so `--help` loads no UI code. */
export const helpText = `halo-wizard: connect HaloPSA to this machine through an OAuth application,
sign in through the browser, and check the integration and the workspace's accounts.

Usage
  halo-wizard                  Guided setup in the terminal (needs an interactive terminal)
  halo-wizard --demo           Guided setup against the built-in HaloPSA emulator
  halo-wizard setup            Setup from flags; add --non-interactive for scripts
  halo-wizard status           Re-check the saved connection (all profiles if none is named)
  halo-wizard accounts         List every agent and end user of the workspace
  halo-wizard login            Sign in again with the saved settings of a profile
  halo-wizard logout           Delete a profile's tokens and keep its settings
  halo-wizard reset            Delete a profile: settings and tokens (asks y/N, or --yes)
  halo-wizard emulator         Run the built-in HaloPSA emulator until Ctrl+C

Setup flags
  --workspace <key|url>        Workspace key ("acme" means https://acme.halopsa.com) or the
                               instance URL (on-premise, HaloITSM, custom domain)
  --client-id <id>             Client ID of the application, copied after saving it in Halo
  --base-uri <url>             Authorisation server; found through /api/authinfo when omitted
  --tenant <name>              Tenant, for shared authorisation hosts only
  --redirect-uri <url>         Loopback Login Redirect URL registered in Halo
                               (default http://127.0.0.1:47135/callback)
  --scopes <list>              Scopes to request (default "all offline_access")
  --no-browser                 Print the sign-in address instead of opening a browser
                               (setup and login; on a terminal you may paste the address
                               the browser ended on while the sign-in waits)
  --timeout <seconds>          How long to wait for the browser sign-in (default 300)
  --non-interactive            Never prompt; fail with a message when a value is missing

Common flags
  --profile <name>             Saved connection to use (default "default")
  --json                       One JSON object (or array) on stdout, messages on stderr
  --watch [seconds]            status only: re-run the checks every N seconds (default 30,
                               minimum 5) and show what changed; Ctrl+C stops
  --csv                        accounts only: RFC 4180 CSV on stdout
  --yes                        reset only: delete without asking (needed off a terminal)
  --port <n>                   emulator only: port to listen on (default: any free port)
  --users <n>                  emulator only: number of end users to seed (10 to 50000)
  -h, --help                   Show this help
  -v, --version                Show the version

Exit codes
  0 success · 1 unexpected error · 2 bad usage or input, or no saved connection
  3 HaloPSA could not be reached or rejected the integration, or a status check failed
  4 sign-in failed, was cancelled or timed out, or the profile is signed out
  130 the guided setup was quit with Ctrl+C

Environment
  HALO_WIZARD_CONFIG_DIR       Folder of the config store (default: the platform's config folder)
  HALO_WIZARD_DEBUG=1          Where an unexpected error happened (its stack trace) on stderr
`;

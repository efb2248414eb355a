import {checklistLength} from './wizard-state.js';

/** Path of Halo's API application list, relative to the instance URL. */
export const applicationsPath = '/config/integrations/api/applications';

/** Index of the item that opens the applications page with `o`. */
export const openItemIndex = 0;

/** Index of the item under which the redirect URL is drawn and edited with `e`. */
export const redirectItemIndex = 2;

/** Tasks for registering the application in Halo, one tickable item each. */
export const checklistItems: readonly string[] = [
  'Open Configuration > Integrations > HaloPSA API > View Applications > New',
  'Set Authentication Method to "Authorisation Code (Native Application)"',
  'Set Login Redirect URL to exactly this address:',
  'Tick Allow Agent Logins and Allow End-User Logins',
  'Leave the CORS whitelist empty (only browser apps need it)',
  'On the Permissions tab, tick all',
  'Keep Active ticked, Save, then copy the Client ID shown after saving (it changes on save)',
];

if (checklistItems.length !== checklistLength) {
  throw new Error(`checklistItems has ${checklistItems.length} items, expected ${checklistLength}`);
}

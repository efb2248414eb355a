import type {Dispatch} from 'react';
import type {WizardEvent} from './step-events.js';
import type {WizardState} from './wizard-state.js';
import type {WizardServices} from './wizard-services.js';

/** Props that every step view receives from the wizard. */
export type StepProps = {
  state: WizardState;
  dispatch: Dispatch<WizardEvent>;
  services: WizardServices;
  /** False without a TTY: the view then reads no keys and focuses no field. */
  canRead: boolean;
};

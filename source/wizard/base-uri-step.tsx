import {Box, Text, useInput} from 'ink';
import Spinner from 'ink-spinner';
import {FieldInput} from '../ui/field-input.js';
import {useState} from 'react';
import {toSingleLine} from '../text/strip-control.js';
import type {StepProps} from './step-props.js';
import {tryValidate} from './try-validate.js';
import type {WizardState} from './wizard-state.js';
import {WizardFrame} from './wizard-frame.js';

const baseUriKeys = 'Enter: next field, then continue · Tab: switch field · Esc: back';

/** Returns why a tenant value cannot be sent, or null when it can (empty included). */
export function checkTenant(tenant: string): string | null {
  // The tenant goes into a query string as typed, so whitespace and controls are rejected.
  // eslint-disable-next-line no-control-regex
  return /[\s\u0000-\u001F\u007F]/.test(tenant.trim())
    ? 'The tenant must not contain spaces or control characters.'
    : null;
}

function InstanceLine({state}: {state: WizardState}) {
  const check = state.instanceCheck;
  if (check.status === 'answered') {
    return (
      <Text color="green">
        ✔ {toSingleLine(check.instanceUrl)} answers: {toSingleLine(check.detail)}
      </Text>
    );
  }

  return (
    <Text color="yellow">
      ! {toSingleLine(state.instanceUrl ?? '')} did not answer; continuing anyway.
    </Text>
  );
}

function DiscoveryLine({state}: {state: WizardState}) {
  const {discovery} = state;
  switch (discovery.status) {
    case 'running': {
      return (
        <Text>
          <Spinner /> Reading {toSingleLine(discovery.instanceUrl)}/api/authinfo…
        </Text>
      );
    }

    case 'done': {
      const {result} = discovery;
      const source =
        result.source === 'authinfo'
          ? 'Found through /api/authinfo'
          : 'authinfo did not answer, so this is the <instance>/auth fallback';
      return (
        <Box flexDirection="column">
          <Text>
            {source}: {toSingleLine(result.detail)}
          </Text>
          {result.tenant === null ? null : (
            <Text>Tenant from authinfo: {toSingleLine(result.tenant)}</Text>
          )}
        </Box>
      );
    }

    case 'failed': {
      return <Text color="yellow">Discovery failed: {toSingleLine(discovery.message)}</Text>;
    }

    case 'idle': {
      return null;
    }
  }
}

/** Step 2: the authorisation server's Base URI, pre-filled by discovery, and the tenant. */
export function BaseUriStep({state, dispatch, services, canRead}: StepProps) {
  const [focus, setFocus] = useState(state.editField === 'tenant' ? 'tenant' : 'baseUri');
  const {baseUri, tenant} = state.values;
  const validated = tryValidate(() => services.validateBaseUri(baseUri));
  const tenantProblem = checkTenant(tenant);

  useInput(
    (_input, key) => {
      if (key.escape) {
        dispatch({type: 'back'});
      } else if (key.tab || key.upArrow || key.downArrow) {
        setFocus(current => (current === 'baseUri' ? 'tenant' : 'baseUri'));
      }
    },
    {isActive: canRead},
  );

  const submit = () => {
    if (!validated.ok) {
      setFocus('baseUri');
    } else if (focus === 'baseUri') {
      setFocus('tenant');
    } else if (tenantProblem === null) {
      dispatch({type: 'submit-base-uri', baseUri: validated.value});
    }
  };

  return (
    <WizardFrame step="base-uri" keys={baseUriKeys}>
      <InstanceLine state={state} />
      <DiscoveryLine state={state} />
      <Text>
        Halo shows the Base URI under Configuration &gt; Integrations &gt; HaloPSA API &gt; API
        Details, Authorisation Server.
      </Text>
      <Box marginTop={1}>
        <Text bold={focus === 'baseUri'}>Base URI: </Text>
        <FieldInput
          value={baseUri}
          focus={canRead && focus === 'baseUri'}
          onChange={text => dispatch({type: 'change', field: 'baseUri', value: text})}
          onSubmit={submit}
        />
      </Box>
      {validated.ok ? null : <Text color="red">{toSingleLine(validated.error.message)}</Text>}
      <Box>
        <Text bold={focus === 'tenant'}>Tenant (optional): </Text>
        <FieldInput
          value={tenant}
          focus={canRead && focus === 'tenant'}
          onChange={text => dispatch({type: 'change', field: 'tenant', value: text})}
          onSubmit={submit}
        />
      </Box>
      {tenantProblem === null ? null : <Text color="red">{tenantProblem}</Text>}
    </WizardFrame>
  );
}

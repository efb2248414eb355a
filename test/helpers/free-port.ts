// Tests pick redirect ports the same way the demo does.
export {findFreePort} from '../../source/commands/loopback-port.js';

// Replaces react-devtools-core in the bundle: Ink loads it only when DEV=true is set.
export default {initialize() {}, connectToDevTools() {}};

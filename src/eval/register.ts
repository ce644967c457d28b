/** Every eval suite registers itself by being imported here. */
import './timex-suite.js';

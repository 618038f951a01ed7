import { useLearn } from '../../src/page/learn-data.ts';
import { storedLearn } from '../../src/page/learn-words.ts';

// What the worker stores for the content script (background.ts): the readers and locators
// under test match the pages against the same tables.
useLearn(storedLearn);

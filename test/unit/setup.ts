// Every unit test gets an in-memory IndexedDB; real browsers are covered by test/e2e.
import 'fake-indexeddb/auto';

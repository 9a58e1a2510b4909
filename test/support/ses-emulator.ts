/** Moved to shared/adapters/local/services (npm start uses it too; production code never imports test/). */
export {
  EMULATOR_REGION,
  type EmulatedEmail,
  readSesEmulatorStore,
  type SesEmulator,
  type SesEmulatorOptions,
  startSesEmulator,
} from '../../shared/adapters/local/services/ses-emulator';

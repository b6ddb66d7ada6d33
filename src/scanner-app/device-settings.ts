/**
 * What differs per door phone (its door's name, sound on or off), asked on the first start and
 * kept on the device in localStorage: nothing secret, and per app address (origin), so two apps of
 * one venue on one phone keep their own.
 */
export interface DeviceSettings {
  doorName: string;
  sound: boolean;
}

const KEY = 'scanner-app:device';
export const MAX_DOOR_NAME = 40;

/** The saved settings, or `undefined` on a device not set up yet (or whose storage was cleared or is unreadable). */
export function loadDeviceSettings(): DeviceSettings | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<DeviceSettings> | null;
    if (typeof value?.doorName !== 'string' || !value.doorName.trim() || typeof value.sound !== 'boolean') return undefined;
    return { doorName: value.doorName.trim().slice(0, MAX_DOOR_NAME), sound: value.sound };
  } catch {
    return undefined;
  }
}

/** False when the device would not keep them (storage full or refused): the app still runs with them this time. */
export function saveDeviceSettings(settings: DeviceSettings): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify({ doorName: settings.doorName.trim().slice(0, MAX_DOOR_NAME), sound: settings.sound }));
    return true;
  } catch {
    return false;
  }
}

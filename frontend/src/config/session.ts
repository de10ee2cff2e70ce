// Used when a login response (or an older stored session) does not say how long to wait.
export const DEFAULT_IDLE_LOGOUT_MINUTES = 15;

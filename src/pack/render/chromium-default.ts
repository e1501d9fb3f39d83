// Where Debian's Chromium is, the browser the packs are printed with unless SBB_CHROMIUM names another (no playwright import here, so the configuration stays light).
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

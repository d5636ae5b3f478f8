/** The TrayController's Electron: the real Tray, Menu, nativeImage and nativeTheme. */
import { Menu, Tray, nativeImage, nativeTheme } from 'electron';
import type { TrayPorts } from './tray-controller';

export function electronTrayPorts(): TrayPorts {
  return {
    createTray: (image) => new Tray(image),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    image: (path, isTemplate) => {
      const image = nativeImage.createFromPath(path);
      if (isTemplate) image.setTemplateImage(true);
      return image;
    },
    theme: () => ({
      themeSource: nativeTheme.themeSource,
      shouldUseDarkColors: nativeTheme.shouldUseDarkColors,
      shouldUseDarkColorsForSystemIntegratedUI: nativeTheme.shouldUseDarkColorsForSystemIntegratedUI,
    }),
  };
}

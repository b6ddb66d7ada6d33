/**
 * Watches the page's date formats: `made` hears of each `Intl.DateTimeFormat` the page makes (with
 * `new` or without), with its options, until `restore()`. The page's first one sets up ICU's date
 * data, so tests of when an element pays for that watch here.
 */
export function watchDateFormats(made: (options: Intl.DateTimeFormatOptions | undefined) => void): { restore(): void } {
  const RealFormat = Intl.DateTimeFormat;
  Intl.DateTimeFormat = new Proxy(RealFormat, {
    construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>, newTarget) {
      made(args[1]);
      return Reflect.construct(target, args, newTarget) as object;
    },
    apply(target, self, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      made(args[1]);
      return Reflect.apply(target, self, args) as unknown;
    },
  });
  return {
    restore() {
      Intl.DateTimeFormat = RealFormat;
    },
  };
}

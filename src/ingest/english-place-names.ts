/**
 * Places whose established English name is not their pinyin, by the name written in simplified characters: the
 * cities, leagues, prefectures and counties of the autonomous regions known by their Mongolian, Uyghur or Tibetan
 * names, and a few others, as the Chinese government's own English writes them (Hohhot, not Huhehaote). Data only;
 * `place-english.ts` reads it. A name missing here is written in pinyin, which is never wrong, only less usual.
 */
export const ENGLISH_PLACE_NAMES: ReadonlyMap<string, string> = new Map([
  // Inner Mongolia
  ['呼和浩特', 'Hohhot'],
  ['呼伦贝尔', 'Hulunbuir'],
  ['海拉尔', 'Hailar'],
  ['鄂尔多斯', 'Ordos'],
  ['乌兰察布', 'Ulanqab'],
  ['巴彦淖尔', 'Bayannur'],
  ['锡林郭勒', 'Xilingol'],
  ['阿拉善', 'Alxa'],
  ['二连浩特', 'Erenhot'],
  ['锡林浩特', 'Xilinhot'],
  ['乌兰浩特', 'Ulanhot'],
  ['额尔古纳', 'Ergun'],
  ['阿尔山', 'Arxan'],
  ['乌拉特', 'Urad'],
  ['鄂温克族', 'Ewenki'],
  ['鄂伦春', 'Oroqen'],
  // Xinjiang
  ['乌鲁木齐', 'Urumqi'],
  ['喀什', 'Kashgar'],
  ['伊犁', 'Ili'],
  ['阿勒泰', 'Altay'],
  ['和田', 'Hotan'],
  ['阿克苏', 'Aksu'],
  ['克拉玛依', 'Karamay'],
  ['吐鲁番', 'Turpan'],
  ['博尔塔拉', 'Bortala'],
  ['巴音郭楞', 'Bayingolin'],
  ['克孜勒苏', 'Kizilsu'],
  ['库尔勒', 'Korla'],
  ['奎屯', 'Kuytun'],
  ['阿图什', 'Artux'],
  ['塔什库尔干', 'Taxkorgan'],
  // Tibet
  ['拉萨', 'Lhasa'],
  ['日喀则', 'Shigatse'],
  ['昌都', 'Qamdo'],
  ['林芝', 'Nyingchi'],
  ['那曲', 'Nagqu'],
  ['阿里', 'Ngari'],
  ['定日', 'Tingri'],
  ['江孜', 'Gyantse'],
  ['墨脱', 'Medog'],
  ['察隅', 'Zayu'],
  ['聂拉木', 'Nyalam'],
  ['吉隆', 'Gyirong'],
  ['当雄', 'Damxung'],
  // Qinghai, Sichuan, Yunnan
  ['格尔木', 'Golmud'],
  ['果洛', 'Golog'],
  ['阿坝', 'Ngawa'],
  ['甘孜', 'Garze'],
  ['香格里拉', 'Shangri-La'],
  // Heilongjiang; the special administrative regions
  ['哈尔滨', 'Harbin'],
  ['齐齐哈尔', 'Qiqihar'],
  ['香港', 'Hong Kong'],
  ['澳门', 'Macao'],
]);

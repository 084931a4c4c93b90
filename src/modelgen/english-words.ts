// The tiny random models' words: common English, enough for prompts and responses that
// look like sentences. Capitalised forms are separate tokens, as in real vocabularies.
export const COMMON_ENGLISH_WORDS: readonly string[] = `
the a an and or but if then so because of to in on at by for with from about as into over
after before under between through without again is are was were be been being have has had
do does did can could will would should may might must I you he she it we they me him her us
them my your his its our their this that these those what which who when where why how not no
yes all some any many much more most other such only also very just than too here there now
good great new old first last long little small big high best better right wrong help helpful
kind thank thanks please sorry hello hi sure time day year people way thing world life work
water food home school book idea question answer problem reason example story friend family
city place part make know think take see come want look use find give tell ask try need feel
become leave put mean keep let begin seem show hear play run move live believe write read learn
say said go get like love one two three well safe honest true false happy sad important easy
hard simple clear together every each never always often sometimes maybe because while until
user assistant system message explain describe list step steps reply response short brief
The What How Why Yes No Hello Thank You It This We Here There Sure Sorry Please
`
  .split(/\s+/)
  .filter((word) => word.length > 0);

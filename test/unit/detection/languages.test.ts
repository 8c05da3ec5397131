import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../../../src/packs/bundled';
import { prefilterIndex } from '../../../src/packs/prefilter-index';
import { detectStory } from '../../../src/detection/detect';
import { prefilter, readPrefilterInput } from '../../../src/detection/prefilter';
import { buildPage, parse } from './helpers';

/*
 * SYNTHETIC TEST INPUTS. The texts below were written for these tests, in the way the story
 * would be reported in each language; they are not quotes from real articles and are not pack
 * content. French, Portuguese and Arabic have no page in the development corpus.
 */

interface Case {
  name: string;
  lang: string;
  title: string;
  paragraphs: string[];
  mentions?: { denial: boolean; embassy: boolean; ftCaveat: boolean };
}

const URL = 'https://news.example/2025/11/15/story';

function detect(c: Case, layout: 'article' | 'bare' = 'article') {
  const doc = parse(buildPage({ title: c.title, paragraphs: c.paragraphs, lang: c.lang, layout }));
  return { result: detectStory(doc, URL, bundledPacks), kept: prefilter(readPrefilterInput(doc, URL), prefilterIndex) };
}

const POSITIVES: Case[] = [
  {
    name: 'fr: AFP-style denial',
    lang: 'fr',
    title: "Alibaba dément aider l'armée chinoise à cibler les États-Unis",
    paragraphs: [
      "Le géant chinois du commerce en ligne Alibaba a démenti samedi les informations du Financial Times selon lesquelles il fournirait un soutien technique aux opérations de l'Armée populaire de libération (APL) contre des cibles américaines.",
      'Selon un mémo de la Maison Blanche cité par le quotidien britannique, Alibaba donnerait aux autorités chinoises accès aux données des clients, notamment les adresses IP, les informations Wi-Fi et les historiques de paiement.',
      "Le FT précise qu'il n'a pas pu vérifier de manière indépendante ces affirmations.",
      "« Les affirmations et insinuations contenues dans l'article sont totalement fausses », a déclaré un porte-parole d'Alibaba à l'AFP.",
      "L'ambassade de Chine à Washington a également rejeté ces accusations, dénonçant une « déformation des faits ».",
    ],
    mentions: { denial: true, embassy: true, ftCaveat: true },
  },
  {
    name: 'fr: first wire flash, no responses yet',
    lang: 'fr',
    title: "La Maison Blanche affirme qu'Alibaba aide l'armée chinoise à cibler les États-Unis, selon le FT",
    paragraphs: [
      "Un mémorandum de sécurité nationale de la Maison Blanche affirme qu'Alibaba fournit un soutien technologique à l'armée chinoise pour des opérations visant des cibles aux États-Unis, a rapporté vendredi le Financial Times.",
      "Alibaba et l'ambassade de Chine à Washington n'ont pas immédiatement répondu aux demandes de commentaires.",
    ],
    mentions: { denial: false, embassy: false, ftCaveat: false },
  },
  {
    name: 'fr: market reaction, unaccented',
    lang: 'fr',
    title: "L'action Alibaba chute apres un article du FT sur des liens avec l'armee chinoise",
    paragraphs: [
      "Les ADR d'Alibaba ont recule de plus de 4 % vendredi a Wall Street apres la publication par le Financial Times d'une note de la Maison Blanche accusant le groupe d'aider l'Armee populaire de liberation.",
    ],
  },
  {
    name: 'pt: denial',
    lang: 'pt',
    title: 'Alibaba nega ajudar militares chineses a atacar alvos nos EUA',
    paragraphs: [
      'A gigante chinesa do comércio eletrônico Alibaba negou neste sábado a reportagem do Financial Times segundo a qual a empresa forneceria apoio técnico a operações do Exército de Libertação Popular contra alvos nos Estados Unidos.',
      'De acordo com um memorando da Casa Branca citado pelo jornal britânico, a empresa teria dado às autoridades chinesas acesso a dados de clientes, incluindo endereços IP e registros de pagamento.',
      'O FT afirmou que não conseguiu verificar de forma independente as alegações.',
      '“As afirmações e insinuações do artigo são completamente falsas”, disse um porta-voz do Alibaba.',
      'A embaixada da China em Washington também rejeitou as acusações.',
    ],
    mentions: { denial: true, embassy: true, ftCaveat: true },
  },
  {
    name: 'pt: market reaction',
    lang: 'pt',
    title: 'Ações do Alibaba caem após memorando da Casa Branca sobre laços militares',
    paragraphs: [
      'As ações do Alibaba negociadas em Nova York recuaram 4,2% nesta sexta-feira depois que o Financial Times informou que um memorando da Casa Branca acusa a empresa de ajudar as Forças Armadas chinesas.',
    ],
    mentions: { denial: false, embassy: false, ftCaveat: false },
  },
  {
    name: 'ar: denial, with short vowels and clitics',
    lang: 'ar',
    title: 'عَلِي بَابَا تنفي مساعدة الجيش الصيني في استهداف الولايات المتحدة',
    paragraphs: [
      'نفت مجموعة علي بابا الصينية للتجارة الإلكترونية تقريرا نشرته صحيفة فايننشال تايمز يفيد بأنها تقدم دعما تقنيا لعمليات جيش التحرير الشعبي الصيني ضد أهداف أمريكية.',
      'وبحسب مذكرة للبيت الأبيض اطلعت عليها الصحيفة، فإن الشركة تمنح السلطات الصينية إمكانية الوصول إلى بيانات العملاء، بما في ذلك عناوين IP ومعلومات الواي فاي وسجلات الدفع.',
      'وقالت الصحيفة إنها لم تتمكن من التحقق بشكل مستقل من هذه المزاعم.',
      'وقال متحدث باسم علي بابا إن "الادعاءات والتلميحات الواردة في المقال كاذبة تماما".',
      'كما رفضت السفارة الصينية في واشنطن الاتهامات، ووصفتها بأنها تشويه للحقائق.',
    ],
    mentions: { denial: true, embassy: true, ftCaveat: true },
  },
  {
    name: 'ar: market reaction',
    lang: 'ar',
    title: 'أسهم علي بابا تتراجع بعد تقرير عن مذكرة البيت الأبيض',
    paragraphs: [
      'تراجعت أسهم علي بابا المدرجة في نيويورك بنسبة 4.2% يوم الجمعة بعد أن ذكرت صحيفة فاينانشيال تايمز أن مذكرة للأمن القومي صادرة عن البيت الأبيض تتهم الشركة بتقديم دعم تقني للجيش الصيني.',
    ],
  },
  {
    name: 'zh-Hans: simplified characters',
    lang: 'zh-CN',
    title: '白宫备忘录指阿里巴巴协助解放军 阿里巴巴否认',
    paragraphs: [
      '英国《金融时报》14日援引一份白宫国家安全备忘录报道称，阿里巴巴为中国人民解放军针对美国目标的行动提供技术支持，并向军方提供客户数据，包括IP地址和付款记录。',
      '阿里巴巴表示，这些指控完全是无稽之谈。中国驻美国大使馆发言人刘鹏宇表示，美方在没有有效证据的情况下妄下结论。',
      '《金融时报》表示无法独立核实备忘录中的说法。',
    ],
    mentions: { denial: true, embassy: true, ftCaveat: true },
  },
  {
    name: 'zh-Hant: the same story in traditional characters',
    lang: 'zh-TW',
    title: '白宮備忘錄指阿里巴巴協助解放軍 阿里巴巴否認',
    paragraphs: [
      '英國《金融時報》14日援引一份白宮國家安全備忘錄報導稱，阿里巴巴為中國人民解放軍針對美國目標的行動提供技術支援，並向軍方提供客戶資料，包括IP位址和付款紀錄。',
      '阿里巴巴表示，這些指控完全是無稽之談。中國駐美國大使館發言人劉鵬宇表示，美方在沒有有效證據的情況下妄下結論。',
      '《金融時報》表示無法獨立核實備忘錄中的說法。',
    ],
    mentions: { denial: true, embassy: true, ftCaveat: true },
  },
  {
    name: 'ja: denial',
    lang: 'ja',
    title: 'アリババ、中国軍支援の報道を否定',
    paragraphs: [
      '中国の電子商取引大手アリババ集団は15日、同社が中国人民解放軍の対米作戦を支援しているとする英紙フィナンシャル・タイムズ（FT）の報道について「全くの虚偽」と否定した。',
      'FTはホワイトハウスのメモを引用し、アリババが顧客データへのアクセスを人民解放軍に提供したと報じた。FTはメモの内容を独自に確認できないとしている。',
    ],
    mentions: { denial: true, embassy: false, ftCaveat: true },
  },
  {
    name: 'ko: report',
    lang: 'ko',
    title: '백악관 메모 "알리바바, 중국군 작전 지원"…알리바바는 부인',
    paragraphs: [
      '파이낸셜타임스(FT)는 14일 백악관 국가안보 메모를 인용해 알리바바가 미국 내 목표물에 대한 중국 인민해방군의 작전에 기술 지원을 제공했다고 보도했다.',
      '알리바바는 성명에서 "기사의 주장은 완전히 거짓"이라고 밝혔다. FT는 메모의 내용을 독자적으로 확인할 수 없었다고 전했다.',
    ],
    mentions: { denial: true, embassy: false, ftCaveat: true },
  },
  {
    name: 'ru: inflected forms (genitive, instrumental, Cyrillic spelling)',
    lang: 'ru',
    title: 'Алибабу обвинили в помощи армии Китая',
    paragraphs: [
      'В меморандуме Белого дома, с которым ознакомилась газета Financial Times, утверждается, что компания Алибаба оказывала техническую поддержку Народно-освободительной армии Китая в операциях против целей в США.',
      'Представители Алибабы назвали обвинения полной чепухой. Посольство КНР в Вашингтоне заявило об искажении фактов.',
    ],
    mentions: { denial: true, embassy: true, ftCaveat: false },
  },
  {
    name: 'de: compounds and genitive',
    lang: 'de',
    title: 'Alibaba weist Vorwürfe zurück: Memo sieht Hilfe für Chinas Volksbefreiungsarmee',
    paragraphs: [
      'Ein Memo des Weißen Hauses, über das die „Financial Times“ berichtet, wirft dem Alibaba-Konzern vor, dem chinesischen Militär technologische Unterstützung für Operationen gegen Ziele in den USA zu leisten.',
      'Alibabas Sprecher nannte die Vorwürfe „völlig falsch“. Die Zeitung konnte die Angaben nach eigener Aussage nicht unabhängig überprüfen.',
    ],
    mentions: { denial: true, embassy: false, ftCaveat: true },
  },
  {
    name: 'es: accents dropped',
    lang: 'es',
    title: 'Memorandum de la Casa Blanca acusa a Alibaba de ayudar al ejercito chino',
    paragraphs: [
      'Un memorando de seguridad nacional de la Casa Blanca sostiene que Alibaba proporciono apoyo tecnologico a los militares chinos contra objetivos en Estados Unidos, segun informo el Financial Times, que no pudo verificar de forma independiente las afirmaciones.',
      'Alibaba nego las acusaciones y dijo que son completamente falsas.',
    ],
    mentions: { denial: true, embassy: false, ftCaveat: true },
  },
];

const NEGATIVES: Case[] = [
  {
    name: 'fr: Alibaba earnings',
    lang: 'fr',
    title: 'Alibaba publie des résultats trimestriels supérieurs aux attentes grâce au cloud',
    paragraphs: [
      "Le groupe chinois Alibaba a annoncé mardi un chiffre d'affaires en hausse de 5 %, porté par son activité d'informatique en nuage et l'intelligence artificielle.",
      "L'action a progressé de 4 % avant l'ouverture de Wall Street.",
    ],
  },
  {
    name: 'fr: Salt Typhoon, same embassy denial words',
    lang: 'fr',
    title: "Salt Typhoon : des pirates liés à l'armée chinoise ont visé des opérateurs télécoms",
    paragraphs: [
      "Des pirates informatiques liés à l'Armée populaire de libération ont infiltré les réseaux de plusieurs opérateurs américains, selon le Financial Times.",
      "L'ambassade de Chine à Washington a rejeté ces accusations, dénonçant des « accusations sans fondement ».",
    ],
  },
  {
    name: 'pt: Qwen launch',
    lang: 'pt',
    title: 'Alibaba lança novo modelo Qwen e amplia investimentos em nuvem',
    paragraphs: [
      'O Alibaba apresentou nesta segunda-feira uma nova versão do modelo de inteligência artificial Qwen, que segundo a empresa rivaliza com sistemas americanos.',
      'A companhia também anunciou novos centros de dados no Brasil e no México.',
    ],
  },
  {
    name: 'pt: 1260H list of other companies',
    lang: 'pt',
    title: 'Pentágono inclui Tencent e CATL em lista de empresas ligadas ao Exército chinês',
    paragraphs: [
      'O Departamento de Defesa dos EUA incluiu a Tencent e a fabricante de baterias CATL na lista de empresas supostamente ligadas às Forças Armadas da China, segundo o Financial Times.',
      'A Tencent disse que a inclusão foi um erro. Alibaba e Baidu ficaram de fora da lista.',
    ],
  },
  {
    name: 'ar: Singles Day',
    lang: 'ar',
    title: 'علي بابا تطلق مهرجان التسوق العالمي 11.11',
    paragraphs: [
      'أطلقت مجموعة علي بابا الصينية مهرجان التسوق العالمي السنوي، مع خصومات على منصتي تاوباو وتيمال.',
      'وقالت الشركة إن المهرجان يمتد هذا العام عدة أسابيع.',
    ],
  },
  {
    name: 'ar: embassy denies a hacking story',
    lang: 'ar',
    title: 'السفارة الصينية تنفي اتهامات بالقرصنة',
    paragraphs: [
      'نفت السفارة الصينية في واشنطن تقريرا لصحيفة فايننشال تايمز عن تورط قراصنة مرتبطين بالجيش الصيني في اختراق رسائل البريد الإلكتروني لموظفين في الكونغرس.',
      'وقال المتحدث ليو بينغيو إن الاتهامات لا أساس لها.',
    ],
  },
  {
    name: 'zh-Hant: Alibaba Cloud data centre',
    lang: 'zh-TW',
    title: '阿里雲在杜拜開設第二座資料中心',
    paragraphs: ['阿里巴巴集團旗下的阿里雲宣布在阿聯酋杜拜啟用第二座資料中心，以滿足中東地區對雲端運算和人工智慧服務的需求。'],
  },
];

describe('languages (synthetic texts)', () => {
  it.each(POSITIVES.map((c) => [c.name, c] as const))('detects %s', (_name, c) => {
    for (const layout of ['article', 'bare'] as const) {
      const { result, kept } = detect(c, layout);
      expect(kept, `prefilter, ${layout}`).toEqual(['alibaba-pla-memo']);
      expect(result.storyId, `${layout}: ${JSON.stringify(result.signals)}`).toBe('alibaba-pla-memo');
      // The first pack's mention kinds; format 2 spells the caveat's id as a slug.
      if (c.mentions) expect(result.mentions).toEqual({ denial: c.mentions.denial, embassy: c.mentions.embassy, 'ft-caveat': c.mentions.ftCaveat });
    }
  });

  it.each(NEGATIVES.map((c) => [c.name, c] as const))('stays silent on %s', (_name, c) => {
    expect(detect(c).result.storyId).toBeNull();
  });

  it('reads traditional and simplified Chinese the same way', () => {
    const [hans, hant] = [POSITIVES.find((c) => c.lang === 'zh-CN')!, POSITIVES.find((c) => c.lang === 'zh-TW')!];
    const a = detect(hans).result;
    const b = detect(hant).result;
    expect(b.signals.map((s) => [s.id, s.where])).toEqual(a.signals.map((s) => [s.id, s.where]));
    expect(b.score).toBe(a.score);
  });
});

import type { Flower } from '../catalog/catalog.data.js';
import { COUPLE, PARENTS, isNameable } from './message.rules.js';
import type { Lines, Phrasebook, Setting } from './message.types.js';

// The composer's English phrasings: written for English readers, not translated from the
// Korean tables. The flower's meaning is quoted, so a bare noun ("miracle") reads as a word.

/** How each catalog flower looks, for the lines that talk about the flower itself. */
const IMAGES: Record<string, string> = {
  '1': 'vivid',
  '2': 'crisp',
  '3': 'warm-toned',
  '4': 'blushing',
  '5': 'rare',
  '6': 'softly glowing',
  '7': 'sunny',
  '8': 'delicate',
  '9': 'full',
  '10': 'fragrant',
  '11': 'graceful',
  '12': 'bright',
  '13': 'sweet',
  '14': 'cheerful',
  '15': 'sweet-scented',
  '16': 'neat',
  '17': 'many-petalled',
  '18': 'airy',
  '19': 'long-lasting',
  '20': 'bright little',
  '21': 'lush',
  '22': 'deep blue',
};
/** Lavender, gypsophila and statice come in bunches, not one at a time. */
const MASS = new Set(['10', '18', '19']);

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/** Ways to name the flower (or, without one, the bouquet) inside a sentence. */
interface Naming {
  /** a red rose / some lavender / some flowers */
  a: string;
  /** the red rose / lavender / flowers */
  the: string;
  /** this red rose / this lavender / these flowers */
  this: string;
  /** a vivid red rose / some fragrant lavender / some lovely flowers */
  pictured: string;
}

function naming(flower: Flower | null): Naming {
  if (!flower) {
    return {
      a: 'some flowers',
      the: 'flowers',
      this: 'these flowers',
      pictured: 'some lovely flowers',
    };
  }
  const name = flower.name.en;
  const image = IMAGES[flower.id] ?? 'lovely';
  const mass = MASS.has(flower.id);
  return {
    a: mass ? `some ${name}` : `${article(name)} ${name}`,
    the: mass ? name : `the ${name}`,
    this: `this ${name}`,
    pictured: mass ? `some ${image} ${name}` : `${article(image)} ${image} ${name}`,
  };
}

function address(s: Setting): string[] {
  const { name } = s;
  const formal = s.request.tone === 'FORMAL';
  const lists = (): string[] => {
    switch (s.request.recipient) {
      case 'FATHER':
        return formal ? ['Dear Father,'] : ['Dear Dad,', 'To the best dad,', 'Dad,'];
      case 'MOTHER':
        return formal ? ['Dear Mother,'] : ['Dear Mom,', 'To my wonderful mom,', 'Mom,'];
      case 'GRANDPARENT':
        // Grandma or Grandpa is unknown; the card opens with the occasion.
        return [];
      case 'SPOUSE':
        return ['My love,', 'Darling,', 'To my other half,'];
      case 'LOVER':
        return name ? [`Dear ${name},`, `${name},`] : ['My love,', 'Sweetheart,', 'Darling,'];
      case 'SON':
        return name ? [`Dear ${name},`] : ['To my dear son,', 'To my wonderful son,'];
      case 'DAUGHTER':
        return name ? [`Dear ${name},`] : ['To my dear daughter,', 'To my wonderful daughter,'];
      case 'BROTHER':
        return name ? [`Dear ${name},`] : ['Dear brother,', 'To my brother,'];
      case 'SISTER':
        return name ? [`Dear ${name},`] : ['Dear sister,', 'Hey sis,'];
      case 'OLDER_BROTHER':
        return name ? [`Dear ${name},`] : ['Dear brother,', 'To my big brother,'];
      case 'OLDER_SISTER':
        return name ? [`Dear ${name},`] : ['Dear sis,', 'To my big sister,'];
      case 'TEACHER':
        return name ? [`Dear ${name},`] : ['Dear teacher,', 'To my wonderful teacher,'];
      case 'FRIEND':
        return name ? [`Dear ${name},`, `Hey ${name},`] : ['Dear friend,', 'To my dearest friend,'];
      case 'YOUNGER_SIBLING':
      case 'JUNIOR':
        return name ? [`Dear ${name},`, `Hey ${name},`] : [];
      case 'COLLEAGUE':
      case 'SENIOR':
        return name ? [`Dear ${name},`] : [];
    }
  };
  const all = lists().filter((line) => !(formal && line.startsWith('Hey')));
  // A condolence opens plainly: the first, quietest heading only.
  return s.occasion === 'CONDOLENCE'
    ? all.filter((l) => !/Hey|best|wonderful/.test(l)).slice(0, 1)
    : all;
}

function occasions(s: Setting): string[] {
  const couple = COUPLE.has(s.request.recipient);
  switch (s.occasion) {
    case 'BIRTHDAY':
      return [
        'Happy birthday!',
        'Wishing you the happiest of birthdays.',
        'Today is all about you. Happy birthday!',
        'Another year, and you only get better. Happy birthday!',
      ];
    case 'ANNIVERSARY':
      if (couple) {
        return [
          'Happy anniversary!',
          'Every day with you has been a gift. Happy anniversary.',
          'Look how far we have come. Happy anniversary.',
          'Here’s to many more years like these.',
        ];
      }
      return PARENTS.has(s.request.recipient)
        ? [
            'Happy anniversary to you both!',
            'All these years, and still going strong. Happy anniversary.',
            'Wishing you both a very happy anniversary.',
            'Here’s to the two of you, today and every day.',
          ]
        : [
            'Happy anniversary!',
            'Wishing you a very happy anniversary.',
            'What a milestone. Happy anniversary!',
            'Here’s to many more happy years.',
          ];
    case 'WEDDING':
      return couple
        ? [
            'We’re finally getting married.',
            'From today, it’s you and me for life.',
            'I still can’t believe I get to marry you.',
            'I can’t wait for all the days ahead of us.',
          ]
        : [
            'Congratulations on your wedding!',
            'Wishing you both a lifetime of laughter.',
            'Here’s to your new beginning together.',
            'What a joy to see you two married. Congratulations!',
          ];
    case 'BIRTH':
      return [
        'Congratulations on your new baby!',
        'Welcome to the world, little one!',
        'Such happy news. Congratulations on the new arrival!',
        'Wishing your growing family all the joy in the world.',
      ];
    case 'PASS':
      return [
        'Congratulations on passing!',
        'All that hard work paid off. Congratulations!',
        'I knew you could do it. Congratulations!',
        'What wonderful news. You passed!',
      ];
    case 'GRADUATION':
      return [
        'Congratulations on your graduation!',
        'You did it, graduate!',
        'All your hard work has paid off. Happy graduation!',
        'Here’s to your next chapter.',
      ];
    case 'ADMISSION':
      return [
        'Congratulations on starting school!',
        'Here’s to a brand-new school and new friends.',
        'What an exciting first step. Congratulations!',
        'Wishing you a wonderful first term.',
      ];
    case 'PROMOTION':
      return [
        /취임|부임|inaugurat/i.test(s.request.occasion)
          ? 'Congratulations on your new position!'
          : 'Congratulations on your promotion!',
        'Your hard work has been noticed. Congratulations!',
        'You will shine in your new role.',
        'So well deserved. Congratulations!',
      ];
    case 'OPENING':
      return [
        'Congratulations on your grand opening!',
        'Wishing your new venture every success.',
        'Here’s to a busy shop and happy customers!',
        'The big day is here. Congratulations on opening!',
      ];
    case 'HOUSEWARMING':
      return [
        'Congratulations on your new home!',
        'Wishing you happy days in your new place.',
        'May your new home be full of laughter.',
        'Here’s to new walls and fresh starts.',
      ];
    case 'DISCHARGE':
      return [
        'So glad you’re home from the hospital!',
        'Welcome home! What a relief to see you out of the hospital.',
        'You made it through. Welcome home.',
        'Home at last, and we couldn’t be happier.',
      ];
    case 'RECOVERY':
      return [
        'Get well soon!',
        'Sending healing wishes your way.',
        'Rest up and feel better soon.',
        'Hoping each day brings you more strength.',
      ];
    case 'MILITARY':
      return [
        'Congratulations on completing your service!',
        'Welcome back! You made it home safe.',
        'Thank you for your service, and welcome home.',
        'Your service is done. Time to enjoy life!',
      ];
    case 'PARENTS_DAY':
      return [
        'Happy Parents’ Day!',
        'Thank you for all the love you have given me.',
        'On Parents’ Day, I just want to say thank you.',
        'I could never repay all you have done for me.',
      ];
    case 'TEACHERS_DAY':
      return [
        'Happy Teachers’ Day!',
        'Thank you for everything you taught me.',
        'I would not be where I am without you.',
        'On Teachers’ Day, my heartfelt thanks.',
      ];
    case 'THANKS':
      return [
        'Thank you for everything you do.',
        'Words are not enough, so I’m sending flowers to say thank you.',
        'Thank you for always being there for me.',
        'You made such a difference. Thank you.',
      ];
    case 'APOLOGY':
      return [
        'I’m so sorry.',
        'I was wrong, and I’m truly sorry.',
        'I hate that I hurt you. I’m sorry.',
        'I wanted to be the first to say it: I’m sorry.',
      ];
    case 'CHEER':
      return [
        'I’m cheering for you, always.',
        'You’ve got this, just like you always have.',
        'Rest when you need to. You are doing great.',
        'Good things are coming. Hang in there!',
      ];
    case 'COMFORT':
      return [
        'I know things are hard right now.',
        'It’s okay to rest for a while.',
        'No words are enough, but I’m here for you.',
        'I hope this difficult time passes soon.',
      ];
    case 'CONDOLENCE':
      return [
        'With deepest sympathy.',
        'I am so sorry for your loss.',
        'No words can ease the loss, but I am here for you.',
        'My heart goes out to you and your family.',
      ];
    case 'CONGRATS':
      return [
        'Congratulations!',
        'Such wonderful news. I’m so happy for you!',
        'I heard the news and had to celebrate with you.',
        'So well deserved. Congratulations!',
      ];
    case 'GENERAL':
      return [
        'I was thinking of you and wanted to send some flowers.',
        'A little something to brighten your day.',
        'Just because you deserve flowers.',
        'I hope this finds you well.',
      ];
  }
}

function meaningLines(s: Setting, flower: Flower): Lines {
  const n = naming(flower);
  const m = flower.meaning.en;
  const q = `“${m}”`;
  const Q = `“${capital(m)}”`;
  const chose = `I chose ${n.a} for ${q}.`;
  const because = `${capital(n.a)}, because it means ${q}.`;
  const language = `In the language of flowers, ${n.the} means ${q}.`;
  switch (s.framing) {
    case 'feel':
      return {
        A: `${language} That says it all.`,
        B: `I chose ${n.a} because it means ${q}, which is exactly how I feel.`,
        C: `Everything I want to say is in ${n.this}: ${q}.`,
        shortA: chose,
        shortB: because,
        shortC: `All I want to say: ${q}.`,
      };
    case 'wish':
      return {
        A: `${language} That is my wish for you.`,
        B: `I chose ${n.a} because it means ${q}, and I wish you all of it.`,
        C: `May your days hold what ${n.this} stands for: ${q}.`,
        shortA: chose,
        shortB: because,
        shortC: `${Q}, says ${n.this}.`,
      };
    case 'like':
      return {
        A: `${language} It made me think of you.`,
        B: `${capital(n.a)} means ${q}, so of course I thought of you.`,
        C: `${Q}: that’s you, just like ${n.this}.`,
        shortA: chose,
        shortB: because,
        shortC: `${Q}: that’s you.`,
      };
    case 'couple':
      return {
        A: `${capital(n.the)} means ${q}, which is exactly what I wish for you both.`,
        B: `I chose ${n.a} for you both; it means ${q}.`,
        C: `${Q}, says ${n.this}. It suits you two perfectly.`,
        shortA: chose,
        shortB: because,
        shortC: `${Q}: that’s you two.`,
      };
    case 'baby':
      return {
        A: `${capital(n.the)} means ${q}, just right for your little one.`,
        B: `${capital(n.a)} for the newest arrival: it means ${q}.`,
        C: `${Q}: the perfect word for your new baby.`,
        shortA: chose,
        shortB: because,
        shortC: `${Q}, for the little one.`,
      };
    case 'sorrow':
      return {
        A: `${language} I send it quietly.`,
        B: `I chose ${n.a}, which means ${q}, to say what words cannot.`,
        C: `${capital(n.a)}, meaning ${q}, to keep you company.`,
        shortA: `${capital(n.a)}, for ${q}.`,
        shortB: `${capital(n.a)}, meaning ${q}.`,
        shortC: `${capital(n.the)} means ${q}.`,
      };
    case null:
      return flowerLines(s, n);
  }
}

/** Lines about the flower itself, when its meaning does not fit or no flower is known. */
function flowerLines(s: Setting, n: Naming): Lines {
  switch (s.occasion) {
    case 'CONDOLENCE':
      return {
        A: `I send ${n.a} quietly, with you in my thoughts.`,
        B: `Words fall short, so I let ${n.a} speak for me.`,
        C: `May ${n.this} bring a little comfort.`,
        shortA: `${capital(n.a)}, sent quietly.`,
        shortB: `${capital(n.a)}, in place of words.`,
        shortC: `${capital(n.a)}, with care.`,
      };
    case 'APOLOGY':
      return {
        A: `I’m sending ${n.pictured} ahead of my words.`,
        B: `I hope ${n.this} will say what I haven’t managed to.`,
        C: `Look at ${n.this} and smile for me, just once.`,
        shortA: `${capital(n.pictured)}, ahead of my words.`,
        shortB: `${capital(n.a)}, to say it better.`,
        shortC: `Smile at ${n.this} for me.`,
      };
    case 'COMFORT':
    case 'RECOVERY':
      return {
        A: `I picked ${n.pictured} to keep you company.`,
        B: `I hope ${n.this} will bring a little calm.`,
        C: `Let ${n.this} keep you company for a while.`,
        shortA: `${capital(n.pictured)}, for company.`,
        shortB: `${capital(n.a)}, for a little calm.`,
        shortC: `${capital(n.a)}, to cheer your room.`,
      };
    default:
      return {
        A: `I picked ${n.pictured}; it felt just right for today.`,
        B: `${capital(n.pictured)} to brighten your day.`,
        C: `May your days be as lovely as ${n.this}.`,
        shortA: `${capital(n.pictured)}, just for you.`,
        shortB: `${capital(n.pictured)} for you.`,
        shortC: `As lovely as ${n.this}: that’s my wish.`,
      };
  }
}

type Cell = [string, string, string, string, string, string];

function closings(s: Setting): Cell {
  const elder = PARENTS.has(s.request.recipient);
  switch (s.occasion) {
    case 'CONDOLENCE':
      return [
        'With heartfelt sympathy.',
        'Please take care of yourself.',
        'I am here whenever you need me.',
        'Holding you close.',
        'Take all the time you need.',
        'Thinking of you always.',
      ];
    case 'COMFORT':
      return [
        'Call me anytime. I’ll be there.',
        'Better days are coming.',
        'I’m right here with you.',
        'Take it one day at a time.',
        'Hang in there.',
        'Take good care of yourself.',
      ];
    case 'RECOVERY':
    case 'DISCHARGE':
      return [
        'Take it easy and rest well.',
        'Stay well.',
        'I can’t wait to see you up and about.',
        'A little better every day.',
        'See you soon!',
        'Take good care.',
      ];
    case 'APOLOGY':
      return [
        'It won’t happen again.',
        'I’ll do better, I promise.',
        'Call me when you’re ready.',
        'I’ll wait as long as it takes.',
        COUPLE.has(s.request.recipient) ? 'I’m sorry, and I love you.' : 'Sorry, and thank you.',
        'I miss you.',
      ];
    default:
      break;
  }
  switch (s.tone) {
    case 'FORMAL':
      return [
        'With warm regards and best wishes.',
        'Wishing you continued success.',
        'With sincere respect.',
        'With my best regards.',
        'Warmest wishes.',
        'With gratitude and respect.',
      ];
    case 'PLAYFUL':
      return [
        'Now go celebrate like you mean it!',
        'Only good things ahead, I promise!',
        'You’re even brighter than this bouquet :)',
        'Treat yourself today!',
        'You rock!',
        'Cake is on me :)',
      ];
    case 'ROMANTIC':
      return [
        'Every day with you feels like spring.',
        'Stay by my side, always. I love you.',
        'I love you more than all the flowers in the world.',
        'You are my favorite person.',
        'Love you, always.',
        'Missing you already.',
      ];
    case 'GRATEFUL':
      return elder
        ? [
            'Thank you for all your love.',
            'I’m grateful for you every single day.',
            'Thank you, for everything, always.',
            'I could not ask for more.',
            'Thank you, truly.',
            'With all my thanks.',
          ]
        : [
            'I’m so grateful for you.',
            'I won’t forget your kindness.',
            'Lucky to have you. Thank you.',
            'Thanks for always being there.',
            'Thank you, truly.',
            'Many thanks.',
          ];
    case 'WARM':
      return elder
        ? [
            'Love you always.',
            'Stay healthy and happy.',
            'With all my love and thanks.',
            'Please take good care of yourself.',
            'All my love.',
            'Love you lots.',
          ]
        : [
            'Wishing you all the happiness in the world.',
            'May your day bloom as brightly as you do.',
            'Always on your side.',
            'Here’s to good days ahead.',
            'Cheering you on.',
            'See you soon!',
          ];
  }
}

/** The English phrasebook for one request. */
export function enPhrasebook(s: Setting): Phrasebook {
  const lines = occasions(s);
  const named = s.request.occasion.trim();
  // Only an occasion written in English is named inside an English sentence.
  const nameable = s.occasion === 'GENERAL' && isNameable(named) && /^[a-z0-9 ]+$/i.test(named);
  if (nameable) lines[0] = `A few flowers from me for ${named}.`;
  const flower = s.request.flower;
  const meaning = flower ? meaningLines(s, flower) : flowerLines(s, naming(null));
  const cell = closings(s);
  return {
    address: address(s),
    call: null,
    occasions: lines,
    named: nameable,
    meaning,
    closings: { A: cell.slice(0, 2), B: cell.slice(2, 4), C: cell.slice(4, 6) },
  };
}

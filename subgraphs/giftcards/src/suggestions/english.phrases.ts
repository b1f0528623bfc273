import type { Flower, RecipientKeyValue } from '../catalog/catalog.data.js';
import { PARENTS, toneFor } from './message.rules.js';
import type { Tone } from './message.types.js';
import type { Occasion } from './occasion.js';

// The composer's English phrasings; each list offers several for the picks.

export const EN_GREETINGS: Record<RecipientKeyValue, string[]> = {
  FATHER: ['Dear Dad,', 'To my wonderful father,', 'Dad,'],
  MOTHER: ['Dear Mom,', 'To my wonderful mother,', 'Mom,'],
  SPOUSE: ['My love,', 'To my wonderful partner,', 'Darling,'],
  SON: ['To my dear son,', 'Dear son,', 'To our wonderful boy,'],
  DAUGHTER: ['To my dear daughter,', 'Dear daughter,', 'To our wonderful girl,'],
  BROTHER: ['Dear brother,', 'To my brother,', 'Hey brother,'],
  SISTER: ['Dear sister,', 'To my sister,', 'Hey sis,'],
  LOVER: ['My love,', 'To my sweetheart,', 'Darling,'],
  FRIEND: ['Dear friend,', 'To my dearest friend,', 'Hey friend,'],
  COLLEAGUE: ['Dear colleague,', 'To a wonderful colleague,', 'To my teammate,'],
};

export const EN_OCCASIONS: Record<Occasion, string[]> = {
  BIRTHDAY: [
    'Happy birthday!',
    'Wishing you the happiest of birthdays.',
    'Today is all about you. Happy birthday!',
  ],
  WEDDING: [
    'Congratulations on your wedding!',
    'Wishing you both a lifetime of love and laughter.',
    'Here’s to your new beginning together.',
  ],
  GRADUATION: [
    'Congratulations on your graduation!',
    'All your hard work has paid off. Congratulations, graduate!',
    'Here’s to your next chapter. Happy graduation!',
  ],
  PROMOTION: [
    'Congratulations on your promotion!',
    'Your hard work has been noticed, and it shows. Congratulations!',
    'You will shine in your new role. Congratulations!',
  ],
  OPENING: [
    'Congratulations on your grand opening!',
    'Wishing your new venture every success.',
    'Here’s to a busy shop and happy customers!',
  ],
  THANKS: [
    'Thank you for everything you do.',
    'Words are not enough, so I’m sending flowers to say thank you.',
    'Thank you for always being there for me.',
  ],
  CONDOLENCE: [
    'With deepest sympathy.',
    'No words can ease the loss, but you are in my thoughts.',
    'Thinking of you and wishing you peace in this difficult time.',
  ],
  ANNIVERSARY: [
    'Happy anniversary!',
    'Every day with you has been a gift. Happy anniversary.',
    'Here’s to many more years like these.',
  ],
  RECOVERY: [
    'Get well soon!',
    'Sending healing thoughts your way.',
    'Rest up and feel better soon.',
  ],
  CHEER: [
    'I’m cheering for you, always.',
    'You’ve got this, just like you always have.',
    'On the hard days, let these flowers make you smile.',
  ],
  CONGRATS: [
    'Congratulations!',
    'Such wonderful news. I’m so happy for you!',
    'Sending my warmest congratulations on your big day.',
  ],
  GENERAL: [
    'I was thinking of you and wanted to send some flowers.',
    'A little something to brighten your day.',
    'Just because you deserve flowers.',
  ],
};

export function enFlowerLines(flower: Flower | null, occasion: Occasion): string[] {
  if (!flower) {
    return [
      'Every bloom here carries a little of my heart.',
      'May your days be as bright as these flowers.',
    ];
  }
  const name = flower.name.en;
  const meaning = flower.meaning.en;
  if (occasion === 'CONDOLENCE') {
    return [
      `I chose the ${name}, which speaks of ${meaning}, to bring you some comfort.`,
      `May this ${name} bring a moment of peace.`,
      `This ${name} carries my quiet thoughts to you.`,
    ];
  }
  return [
    `I chose the ${name} for you; it stands for ${meaning}.`,
    `In the language of flowers, the ${name} means ${meaning}, and so does my heart.`,
    `This ${name} carries a message of ${meaning}, just for you.`,
    `Like the ${name}, a flower of ${meaning}, my wishes for you are true.`,
  ];
}

export function enClosings(tone: Tone, recipient: RecipientKeyValue, occasion: Occasion): string[] {
  if (occasion === 'CONDOLENCE') {
    return [
      'With love and sympathy.',
      'I am here whenever you need me.',
      'Holding you in my heart.',
    ];
  }
  const parent = PARENTS.has(recipient);
  const effective = toneFor(tone, recipient);
  switch (effective) {
    case 'WARM':
      return parent
        ? ['Love you always.', 'Stay healthy and happy.', 'With all my love and thanks.']
        : [
            'Wishing you all the happiness in the world.',
            'May your day bloom as brightly as you do.',
            'Always on your side.',
          ];
    case 'FORMAL':
      return [
        'With warm regards and best wishes.',
        'Wishing you continued success.',
        'With sincere congratulations and respect.',
      ];
    case 'PLAYFUL':
      return [
        'Now go celebrate like you mean it!',
        'You’re even brighter than these flowers :)',
        'Only good things ahead, I promise!',
      ];
    case 'ROMANTIC':
      return [
        'Every day with you feels like spring.',
        'Stay by my side, always. I love you.',
        'I love you more than all the flowers in the world.',
      ];
    case 'GRATEFUL':
      return parent
        ? [
            'Thank you for raising me with so much love.',
            'I’m grateful for you every single day.',
            'Thank you, for everything, always.',
          ]
        : ['I’m so grateful for you.', 'Thank you, truly.', 'Lucky to have you. Thank you.'];
  }
}

import type { TemplateDefinition } from './template.catalog.js';
import { CardTemplate } from './template.types.js';

/** The GraphQL view of a design, with its image URL on this service. */
export const toCardTemplate = (template: TemplateDefinition, publicUrl: string): CardTemplate =>
  Object.assign(new CardTemplate(), {
    key: template.key,
    color: template.color,
    design: template.design,
    name: template.name.ko,
    nameEn: template.name.en,
    imageUrl: `${publicUrl}/templates/${template.key}.svg`,
  });

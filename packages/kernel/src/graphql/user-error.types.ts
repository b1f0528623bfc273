import { Directive, Field, InterfaceType, ObjectType } from 'type-graphql';

/** Every expected failure a mutation can return implements this. */
@InterfaceType({ description: 'An expected failure, returned as data in a result union.' })
export abstract class UserError {
  @Field({ description: 'Stable machine-readable code.' })
  code!: string;

  @Field({ description: 'Human-readable explanation, safe to show.' })
  message!: string;
}

@ObjectType({ implements: UserError })
@Directive('@shareable')
export class InvalidInputError extends UserError {
  @Field({ description: 'The input field at fault.' })
  field!: string;

  static of(field: string, message: string, code = 'INVALID_INPUT'): InvalidInputError {
    return Object.assign(new InvalidInputError(), { field, message, code });
  }
}

/** Declares a simple error type whose code is fixed. */
export function simpleError<T extends UserError>(
  type: new () => T,
  code: string,
  message: string,
): T {
  return Object.assign(new type(), { code, message });
}

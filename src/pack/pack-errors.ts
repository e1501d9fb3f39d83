// The error a pack request raises for bad input (unknown council, group, theme or weights), naming the field.
export class PackInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

import type { Rng } from '../core/rng.ts';
import type { Failure } from '../model/failure-model.ts';
import type { Lang } from '../model/topology-model.ts';

type Bug = { readonly exType: string; readonly detail: (pkg: string) => string; readonly where: string };

const BUGS: Readonly<Record<Lang, readonly Bug[]>> = {
  java: [
    {
      exType: 'java.lang.NullPointerException',
      detail: (p) =>
        `Cannot invoke "java.math.BigDecimal.multiply(java.math.BigDecimal)" because the return value of "${p}.model.LineItem.getUnitPrice()" is null`,
      where: 'PriceCalculator.total',
    },
    {
      exType: 'java.lang.IllegalStateException',
      detail: () => 'Duplicate key 4821 (attempted merging values LineItem[sku=AB-1] and LineItem[sku=AB-1])',
      where: 'OrderAssembler.toMap',
    },
    {
      exType: 'java.lang.NumberFormatException',
      detail: () => 'For input string: "12,50"',
      where: 'AmountParser.parse',
    },
    {
      exType: 'java.lang.ArithmeticException',
      detail: () => 'Non-terminating decimal expansion; no exact representable decimal result.',
      where: 'CurrencyConverter.convert',
    },
    {
      exType: 'java.lang.IndexOutOfBoundsException',
      detail: () => 'Index 0 out of bounds for length 0',
      where: 'RoutePlanner.firstLeg',
    },
    {
      exType: 'java.time.format.DateTimeParseException',
      detail: () => "Text '2026-02-29' could not be parsed: Invalid date 'February 29' as '2026' is not a leap year",
      where: 'ScheduleMapper.parseDate',
    },
    {
      exType: 'com.fasterxml.jackson.databind.exc.MismatchedInputException',
      detail: () =>
        'Cannot deserialize value of type `java.util.ArrayList<com.acme.dto.ItemDto>` from Object value (token `JsonToken.START_OBJECT`)',
      where: 'PayloadReader.read',
    },
    {
      exType: 'java.lang.ClassCastException',
      detail: () =>
        "class java.lang.Integer cannot be cast to class java.lang.String (java.lang.Integer and java.lang.String are in module java.base of loader 'bootstrap')",
      where: 'AttributeMapper.map',
    },
  ],
  go: [
    {
      exType: 'runtime.Error',
      detail: () => 'runtime error: invalid memory address or nil pointer dereference',
      where: 'Quoter.Price',
    },
    {
      exType: 'runtime.Error',
      detail: () => 'runtime error: index out of range [0] with length 0',
      where: 'Planner.FirstLeg',
    },
    {
      exType: '*json.UnmarshalTypeError',
      detail: () => 'json: cannot unmarshal string into Go struct field Item.quantity of type int',
      where: 'Decoder.Decode',
    },
    {
      exType: '*strconv.NumError',
      detail: () => 'strconv.ParseFloat: parsing "N/A": invalid syntax',
      where: 'Rates.Parse',
    },
    { exType: '*errors.errorString', detail: () => 'invalid currency code "XBT"', where: 'Money.Convert' },
  ],
  node: [
    {
      exType: 'TypeError',
      detail: () => "Cannot read properties of undefined (reading 'amount')",
      where: 'TotalsService.compute',
    },
    { exType: 'TypeError', detail: () => 'items.map is not a function', where: 'CartMapper.toDto' },
    { exType: 'RangeError', detail: () => 'Invalid time value', where: 'DateFormatter.format' },
    {
      exType: 'SyntaxError',
      detail: () => `Unexpected token '<', "<html><bod"... is not valid JSON`,
      where: 'ResponseParser.parse',
    },
    { exType: 'Error', detail: () => 'Unsupported currency: XBT', where: 'CurrencyService.convert' },
  ],
  python: [
    { exType: 'KeyError', detail: () => "'price'", where: 'PricingEngine.quote' },
    {
      exType: 'TypeError',
      detail: () => "unsupported operand type(s) for *: 'NoneType' and 'float'",
      where: 'Scorer.score',
    },
    {
      exType: 'ValueError',
      detail: () => "invalid literal for int() with base 10: '12.5'",
      where: 'Parser.parse_quantity',
    },
    { exType: 'ZeroDivisionError', detail: () => 'division by zero', where: 'Stats.ratio' },
    { exType: 'AttributeError', detail: () => "'NoneType' object has no attribute 'get'", where: 'ProfileLoader.load' },
    {
      exType: 'pydantic_core._pydantic_core.ValidationError',
      detail: () =>
        "1 validation error for Order\ncurrency\n  Input should be 'EUR', 'USD' or 'GBP' [type=enum, input_value='CHF', input_type=str]",
      where: 'OrderSchema.validate',
    },
  ],
  dotnet: [
    {
      exType: 'System.NullReferenceException',
      detail: () => 'Object reference not set to an instance of an object.',
      where: 'InvoiceService.Calculate',
    },
    {
      exType: 'System.InvalidOperationException',
      detail: () => 'Sequence contains no elements',
      where: 'LedgerService.LatestEntry',
    },
    {
      exType: 'System.FormatException',
      detail: () => "The input string '12,50' was not in a correct format.",
      where: 'AmountParser.Parse',
    },
    {
      exType: 'System.Collections.Generic.KeyNotFoundException',
      detail: () => "The given key 'CHF' was not present in the dictionary.",
      where: 'RateTable.Lookup',
    },
    { exType: 'System.DivideByZeroException', detail: () => 'Attempted to divide by zero.', where: 'Allocation.Split' },
  ],
};

/** A code bug as it surfaces in a service's language: exception type, message and where it is thrown. */
export function drawBug(rng: Rng, lang: Lang, codeBase: string): Failure {
  const bug = rng.pick(BUGS[lang]);
  return { cls: 'exception', exType: bug.exType, detail: bug.detail(codeBase), where: bug.where };
}

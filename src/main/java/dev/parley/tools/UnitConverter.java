package dev.parley.tools;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code convert_units}: length, mass, volume, speed, time, data size and temperature. Each unit is
 * a factor to its dimension's base unit (exact decimals, so 1 in = 2.54 cm exactly); temperature
 * needs offsets and goes through kelvin.
 */
public final class UnitConverter implements Tool {

    private enum Dimension { LENGTH, MASS, VOLUME, SPEED, TIME, DATA, TEMPERATURE }

    /** {@code toBase / perBase} base units make one of this unit; a fraction keeps km/h (1000/3600) exact. */
    private record Unit(String name, Dimension dimension, BigDecimal toBase, BigDecimal perBase) {}

    private static final Map<String, Unit> UNITS = new HashMap<>();

    static {
        // Length, base metre.
        unit(Dimension.LENGTH, "1", "m", "meter", "meters", "metre", "metres");
        unit(Dimension.LENGTH, "1000", "km", "kilometer", "kilometers", "kilometre", "kilometres");
        unit(Dimension.LENGTH, "0.01", "cm", "centimeter", "centimeters", "centimetre", "centimetres");
        unit(Dimension.LENGTH, "0.001", "mm", "millimeter", "millimeters", "millimetre", "millimetres");
        unit(Dimension.LENGTH, "0.0254", "in", "inch", "inches");
        unit(Dimension.LENGTH, "0.3048", "ft", "foot", "feet");
        unit(Dimension.LENGTH, "0.9144", "yd", "yard", "yards");
        unit(Dimension.LENGTH, "1609.344", "mi", "mile", "miles");
        unit(Dimension.LENGTH, "1852", "nmi", "nautical mile", "nautical miles");
        // Mass, base kilogram.
        unit(Dimension.MASS, "1", "kg", "kilogram", "kilograms");
        unit(Dimension.MASS, "0.001", "g", "gram", "grams");
        unit(Dimension.MASS, "0.000001", "mg", "milligram", "milligrams");
        unit(Dimension.MASS, "1000", "t", "tonne", "tonnes", "metric ton", "metric tons");
        unit(Dimension.MASS, "0.45359237", "lb", "lbs", "pound", "pounds");
        unit(Dimension.MASS, "0.028349523125", "oz", "ounce", "ounces");
        unit(Dimension.MASS, "6.35029318", "st", "stone", "stones");
        // Volume, base litre.
        unit(Dimension.VOLUME, "1", "l", "liter", "liters", "litre", "litres");
        unit(Dimension.VOLUME, "0.001", "ml", "milliliter", "milliliters", "millilitre", "millilitres");
        unit(Dimension.VOLUME, "1000", "m3", "cubic meter", "cubic meters", "cubic metre", "cubic metres");
        unit(Dimension.VOLUME, "3.785411784", "gal", "gallon", "gallons", "us gallon", "us gallons");
        unit(Dimension.VOLUME, "4.54609", "imperial gallon", "imperial gallons");
        unit(Dimension.VOLUME, "0.946352946", "qt", "quart", "quarts");
        unit(Dimension.VOLUME, "0.473176473", "pt", "pint", "pints");
        unit(Dimension.VOLUME, "0.2365882365", "cup", "cups");
        unit(Dimension.VOLUME, "0.0295735295625", "fl oz", "fluid ounce", "fluid ounces");
        // Speed, base metre per second.
        unit(Dimension.SPEED, "1", "m/s", "meters per second", "metres per second");
        unit(Dimension.SPEED, "1000/3600", "km/h", "kmh", "kph", "kilometers per hour", "kilometres per hour");
        unit(Dimension.SPEED, "0.44704", "mph", "miles per hour");
        unit(Dimension.SPEED, "1852/3600", "kn", "knot", "knots");
        // Time, base second.
        unit(Dimension.TIME, "1", "s", "sec", "second", "seconds");
        unit(Dimension.TIME, "0.001", "ms", "millisecond", "milliseconds");
        unit(Dimension.TIME, "60", "min", "minute", "minutes");
        unit(Dimension.TIME, "3600", "h", "hr", "hour", "hours");
        unit(Dimension.TIME, "86400", "d", "day", "days");
        unit(Dimension.TIME, "604800", "wk", "week", "weeks");
        unit(Dimension.TIME, "31557600", "yr", "year", "years"); // Julian year, 365.25 days
        // Data size, base byte; kB/MB/GB are decimal, KiB/MiB/GiB binary.
        unit(Dimension.DATA, "1", "b", "byte", "bytes");
        unit(Dimension.DATA, "0.125", "bit", "bits");
        unit(Dimension.DATA, "1000", "kb", "kilobyte", "kilobytes");
        unit(Dimension.DATA, "1000000", "mb", "megabyte", "megabytes");
        unit(Dimension.DATA, "1000000000", "gb", "gigabyte", "gigabytes");
        unit(Dimension.DATA, "1000000000000", "tb", "terabyte", "terabytes");
        unit(Dimension.DATA, "1024", "kib", "kibibyte", "kibibytes");
        unit(Dimension.DATA, "1048576", "mib", "mebibyte", "mebibytes");
        unit(Dimension.DATA, "1073741824", "gib", "gibibyte", "gibibytes");
        unit(Dimension.DATA, "1099511627776", "tib", "tebibyte", "tebibytes");
        // Temperature: the factor is unused, conversions go through kelvin with offsets.
        unit(Dimension.TEMPERATURE, "1", "c", "°c", "celsius", "degrees celsius", "degree celsius");
        unit(Dimension.TEMPERATURE, "1", "f", "°f", "fahrenheit", "degrees fahrenheit", "degree fahrenheit");
        unit(Dimension.TEMPERATURE, "1", "k", "kelvin", "kelvins");
    }

    private static void unit(Dimension dimension, String toBase, String... names) {
        String[] fraction = toBase.split("/");
        Unit unit = new Unit(names[0], dimension, new BigDecimal(fraction[0]),
                fraction.length > 1 ? new BigDecimal(fraction[1]) : BigDecimal.ONE);
        for (String name : names) {
            UNITS.put(name, unit);
        }
    }

    @Override
    public String name() {
        return "convert_units";
    }

    @Override
    public String description() {
        return "Converts a value between units of length, mass, volume, speed, time, data size or temperature "
                + "(C, F, K), e.g. 5 miles to km, 70 F to C, 2 GiB to MB.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                ToolParameter.required("value", ToolParameter.Type.NUMBER, "The amount to convert"),
                ToolParameter.required("from", ToolParameter.Type.STRING, "The unit of the value, e.g. mi, kg, C"),
                ToolParameter.required("to", ToolParameter.Type.STRING, "The unit wanted, e.g. km, lb, F"));
    }

    @Override
    public String execute(ToolArguments arguments) {
        BigDecimal value = arguments.number("value");
        String from = arguments.text("from");
        String to = arguments.text("to");
        BigDecimal result = convert(value, from, to);
        return Calculator.format(value) + " " + from.strip() + " = " + Calculator.format(result) + " " + to.strip();
    }

    /** {@code value} in unit {@code from} expressed in unit {@code to}, to 20 significant digits at most. */
    public static BigDecimal convert(BigDecimal value, String from, String to) {
        Unit source = unit(from);
        Unit target = unit(to);
        if (source.dimension() != target.dimension()) {
            throw new ToolException("cannot convert " + describe(source) + " to " + describe(target));
        }
        if (source.dimension() == Dimension.TEMPERATURE) {
            BigDecimal kelvin = toKelvin(value, source.name());
            // A model converting "-500 K" has misread something; a number that no thermometer shows would hide it.
            if (kelvin.signum() < 0) {
                throw new ToolException(Calculator.format(value) + " " + from.strip() + " is below absolute zero"
                        + " (0 K = -273.15 °C = -459.67 °F), so it is no temperature; check the value and its unit");
            }
            return fromKelvin(kelvin, target.name()).round(Calculator.PRECISION);
        }
        // One division, last: exact whenever the answer has a finite decimal form.
        return value.multiply(source.toBase()).multiply(target.perBase())
                .divide(source.perBase().multiply(target.toBase()), Calculator.PRECISION);
    }

    private static final BigDecimal ZERO_CELSIUS = new BigDecimal("273.15");
    private static final BigDecimal NINE_FIFTHS = new BigDecimal("1.8");
    private static final BigDecimal THIRTY_TWO = new BigDecimal("32");

    private static BigDecimal toKelvin(BigDecimal value, String unit) {
        return switch (unit) {
            case "c" -> value.add(ZERO_CELSIUS);
            case "f" -> value.subtract(THIRTY_TWO).divide(NINE_FIFTHS, MathContext.DECIMAL128).add(ZERO_CELSIUS);
            default -> value;
        };
    }

    private static BigDecimal fromKelvin(BigDecimal kelvin, String unit) {
        return switch (unit) {
            case "c" -> kelvin.subtract(ZERO_CELSIUS);
            case "f" -> kelvin.subtract(ZERO_CELSIUS).multiply(NINE_FIFTHS).add(THIRTY_TWO);
            default -> kelvin;
        };
    }

    private static Unit unit(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        Unit unit = UNITS.get(key);
        if (unit == null && key.endsWith(".")) {
            unit = UNITS.get(key.substring(0, key.length() - 1));
        }
        if (unit == null) {
            throw new ToolException("unknown unit '" + name.strip() + "'; known units include m, km, mi, ft, kg, lb, "
                    + "l, gal, km/h, mph, s, h, MB, GiB, C, F, K");
        }
        return unit;
    }

    private static String describe(Unit unit) {
        return unit.name() + " (" + unit.dimension().name().toLowerCase(Locale.ROOT) + ")";
    }
}

package io.github.atstrust.cli;

import io.github.atstrust.testkit.audit.AtsRequirement;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --require}; a bad value is a usage error naming the accepted values (exit 2). */
final class RequirementConverter implements ITypeConverter<AtsRequirement> {
    @Override
    public AtsRequirement convert(String value) {
        try {
            return AtsRequirement.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}

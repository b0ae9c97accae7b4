package org.wren4j.exec.aws;

/**
 * The AWS settings cannot be used: a region or credentials are missing, half given, or refused by
 * AWS. The message is one line naming the setting, the service and where the setting was looked
 * for or came from; it never holds a secret.
 */
public final class AwsConfigurationException extends RuntimeException {
    AwsConfigurationException(String message) {
        super(message);
    }

    AwsConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}

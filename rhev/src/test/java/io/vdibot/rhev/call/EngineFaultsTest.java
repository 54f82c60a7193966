package io.vdibot.rhev.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ovirt.engine.sdk4.Error;

class EngineFaultsTest {

    private static EngineException translate(RuntimeException thrown) {
        return EngineFaults.translate("dc1", thrown);
    }

    @Test
    void readsCodeReasonAndDetailAndDropsTheListBrackets() {
        EngineException e = translate(new Error("Fault reason is \"Operation Failed\". Fault detail is \"[Cannot add "
                + "VM. The VM name is already in use, please choose a unique name and try again.]\". HTTP response "
                + "code is \"409\". HTTP response message is \"Conflict\"."));

        assertThat(e.kind()).isEqualTo(EngineException.Kind.FAULT);
        assertThat(e.httpCode()).isEqualTo(409);
        assertThat(e.reason()).isEqualTo("Operation Failed");
        assertThat(e.engineText()).isEqualTo(
                "Cannot add VM. The VM name is already in use, please choose a unique name and try again.");
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void keepsADetailThatHoldsQuotesAndPeriods() {
        EngineException e = translate(new Error("Fault reason is \"Operation Failed\". Fault detail is \"[Cannot "
                + "remove Virtual Disk: The following disks are locked: ${diskAliases}. Please try again in a few "
                + "minutes.]\". HTTP response code is \"409\". HTTP response message is \"Conflict\"."));

        assertThat(e.engineText()).isEqualTo("Cannot remove Virtual Disk: The following disks are locked: "
                + "${diskAliases}. Please try again in a few minutes.");
        assertThat(e.isTransient()).isTrue();
    }

    @Test
    void aFaultWithoutBodyStillHasItsCode() {
        EngineException e = translate(new Error("HTTP response code is \"404\". HTTP response message is \"Not Found\"."));

        assertThat(e.httpCode()).isEqualTo(404);
        assertThat(e.engineText()).isEqualTo("Not Found");
        assertThat(e.isTransient()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "409|Cannot run VM: VM is locked. Please try again in a few minutes.|true",
        "409|Cannot detach Storage Domain. Related operation is currently in progress. Please try again later.|true",
        "409|Cannot create VM-Pool. VM Pool eng-?? is being created.|true",
        "409|Cannot export Template. Template win10 is being exported.|true",
        "409|Template's Image is locked (temporarily).|true",
        "409|Cannot run VM. VM is running.|false",
        "409|Cannot add VM. The VM name is already in use, please choose a unique name and try again.|false",
        "400|Cannot add VM. The given name contains special characters.|false",
        "500|Operation Failed|true",
        "503|The engine is temporarily unable to handle the request.|true",
        "403|User is not authorized to perform this action.|false"})
    void tellsTransientFromPermanent(int code, String text, boolean expected) {
        assertThat(EngineFaults.isTransient(code, text)).isEqualTo(expected);
    }

    @Test
    void aRefusedLoginIsAuthenticationAndPermanent() {
        EngineException e = translate(new Error("Failed to send request", new Error("Error during SSO authentication "
                + "\"access_denied\" : \"Cannot authenticate user 'bot@internal': The username or password is "
                + "incorrect..\"")));

        assertThat(e.kind()).isEqualTo(EngineException.Kind.AUTHENTICATION);
        assertThat(e.reason()).isEqualTo("access_denied");
        assertThat(e.engineText()).isEqualTo(
                "Cannot authenticate user 'bot@internal': The username or password is incorrect..");
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void noAnswerIsATransientTransportFailure() {
        EngineException refused = translate(new Error("Failed to send request",
                new ConnectException("Connection refused")));
        EngineException slow = translate(new Error("Failed to send request",
                new SocketTimeoutException("Read timed out")));

        assertThat(refused.kind()).isEqualTo(EngineException.Kind.TRANSPORT);
        assertThat(refused.isTransient()).isTrue();
        assertThat(refused.engineText()).isEqualTo("Connection refused");
        assertThat(slow.isTransient()).isTrue();
        assertThat(slow.engineText()).isEqualTo("Read timed out");
    }

    @Test
    void anUntrustedCertificateIsPermanent() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new CertificateException("unable to find valid certification path to requested target"));

        EngineException e = translate(new Error("Failed to send request", handshake));

        assertThat(e.kind()).isEqualTo(EngineException.Kind.TLS);
        assertThat(e.isTransient()).isFalse();
        assertThat(e.engineText()).isEqualTo("unable to find valid certification path to requested target");
    }

    @Test
    void anHtmlPageInsteadOfXmlIsWorthAnotherTry() {
        EngineException e = translate(new Error("Failed to send request", new Error(
                "The response content type 'text/html' isn't the expected XML")));

        assertThat(e.kind()).isEqualTo(EngineException.Kind.UNREADABLE);
        assertThat(e.isTransient()).isTrue();
    }

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(5));
    }
}

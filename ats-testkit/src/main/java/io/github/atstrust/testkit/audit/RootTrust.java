package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.pki.RealAtsRoot;

/**
 * Whether chains anchored at one Amazon Root CA are trusted.
 *
 * @param crossSignedChains chains that carry both cross-certificates (pre-August-2024): trusted when the store
 *                          holds this root, Starfield Services G2 or Starfield Class 2
 * @param acmChainsSince2024 ACM chains since August 2024, which stop at this root cross-signed by G2: trusted
 *                          when the store holds this root or G2 (Class 2 alone no longer suffices)
 */
public record RootTrust(RealAtsRoot root, boolean crossSignedChains, boolean acmChainsSince2024) {
}

#!/usr/bin/env bash
# Verifies a Gantry evidence file (a DSSE envelope of an in-toto statement) with standard tools
# only: jq, base64, printf and openssl. Usage: verify-evidence.sh <evidence.json> <trusted-key.pem>
# The key is one you pinned (GET /gantry/evidence/public-key), never one taken from the file.
set -euo pipefail
evidence=${1:?usage: verify-evidence.sh <evidence.json> <trusted-key.pem>}
key=${2:?usage: verify-evidence.sh <evidence.json> <trusted-key.pem>}

# 1. The payload type and the payload bytes (base64-decoded, exactly as signed).
jq -j '.payloadType' "$evidence" > payload-type.txt
jq -j '.payload' "$evidence" | base64 -d > payload.json
# 2. The signature: base64 of a DER-encoded ECDSA P-256 signature.
jq -j '.signatures[0].sig' "$evidence" | base64 -d > sig.der
# 3. DSSE pre-authentication encoding: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body.
{
  printf 'DSSEv1 %d %s %d ' "$(wc -c < payload-type.txt)" "$(cat payload-type.txt)" "$(wc -c < payload.json)"
  cat payload.json
} > pae.bin
# 4. ECDSA with SHA-256 over the PAE bytes, with the trusted key.
openssl dgst -sha256 -verify "$key" -signature sig.der pae.bin
# 5. What was signed: an in-toto Statement v1 with a SLSA provenance v1 predicate.
jq -r '"type: \(._type)", "predicate: \(.predicateType)", "mission: \(.predicate.gantry.mission_id) \(.predicate.gantry.outcome)"' payload.json

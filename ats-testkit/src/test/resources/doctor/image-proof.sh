# Inside a container of the doctor's proof image: each stack's verdict on URL, before and after the fake twin
# /proof/twin.crt is installed into the OS store. One line per stack: "<doctor id> ACCEPTED|REFUSED <reason>".
url="$1"
probe() {
  id="$1"; shift
  if out=$("$@" 2>&1); then echo "$id ACCEPTED"; else echo "$id REFUSED $(printf '%s' "$out" | tr '\n' ' ' | cut -c1-400)"; fi
}
round() {
  probe jdk:/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-amd64/bin/java -cp /proof/jdk-probe io.github.atstrust.testkit.DefaultTrustProbe "$url"
  probe jdk:/opt/java/openjdk /opt/java/openjdk/bin/java -cp /proof/jdk-probe io.github.atstrust.testkit.DefaultTrustProbe "$url"
  probe node:/usr/bin/node node -e "require('https').get(process.argv[1], () => process.exit(0)).on('error', e => { console.log(e.code + ' ' + e.message); process.exit(1) })" "$url"
  probe curl curl -sS -o /dev/null --max-time 10 "$url"
  # wget exits 8 for an HTTP error answer, after the handshake
  probe wget sh -c 'wget -q -O /dev/null --tries=1 --timeout=10 "$0"; code=$?; [ $code -eq 0 ] || [ $code -eq 8 ] || { echo "certificate not trusted (wget exit $code)"; exit 1; }' "$url"
  probe gnutls sh -c 'wget --no-config -q -O /dev/null --tries=1 --timeout=10 "$0"; code=$?; [ $code -eq 0 ] || [ $code -eq 8 ] || { echo "certificate not trusted (wget exit $code)"; exit 1; }' "$url"
  probe python-ssl python3 /proof/probe.py urllib "$url"
  probe requests python3 /proof/probe.py requests "$url"
}
echo "== before"
round
cp /proof/twin.crt /usr/local/share/ca-certificates/ats-twin.crt
update-ca-certificates >/dev/null 2>&1 || { echo "update-ca-certificates failed"; exit 3; }
echo "== after"
round

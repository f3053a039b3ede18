// Go's net/http default client across the kit's matrix, for one profile: one JSON line per scenario.
//
// usage: SSL_CERT_FILE=PROFILE.pem SSL_CERT_DIR=EMPTY_DIR matrix MANIFEST PROFILE
// Trust is Go's system pool, which Go reads from SSL_CERT_FILE and SSL_CERT_DIR (an empty directory here, so
// the profile's bundle is all it trusts); crypto/x509 builds and verifies the path, host names included.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

type scenario struct {
	ID       string   `json:"id"`
	URL      string   `json:"url"`
	Requires []string `json:"requires"`
}

type manifest struct {
	Scenarios []scenario `json:"scenarios"`
}

type result struct {
	Scenario string `json:"scenario"`
	Profile  string `json:"profile"`
	Outcome  string `json:"outcome"`
	Error    string `json:"error"`
	Ms       int64  `json:"ms"`
}

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	client := &http.Client{Timeout: 5 * time.Second}
	out := json.NewEncoder(os.Stdout)
	for _, s := range m.Scenarios {
		if len(s.Requires) > 0 {
			continue
		}
		start := time.Now()
		r := result{Scenario: s.ID, Profile: os.Args[2], Outcome: "accept"}
		response, err := client.Get(s.URL)
		if err != nil {
			r.Outcome, r.Error = "fail", err.Error()
		} else {
			io.Copy(io.Discard, response.Body)
			response.Body.Close()
		}
		r.Ms = time.Since(start).Milliseconds()
		out.Encode(r)
	}
}

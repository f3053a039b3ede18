// One GET with Go's default HTTP client and default trust (the OS store: /etc/ssl/certs/ca-certificates.crt,
// or SSL_CERT_FILE / SSL_CERT_DIR when set). Exit 0 when the handshake completed, else 1 with Go's words.
package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

func main() {
	client := &http.Client{Timeout: 10 * time.Second}
	response, err := client.Get(os.Args[1])
	if err != nil {
		fmt.Println(err.Error())
		os.Exit(1)
	}
	io.Copy(io.Discard, response.Body)
	response.Body.Close()
	fmt.Println("accepted")
}

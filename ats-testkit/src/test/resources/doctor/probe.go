// Go's net/http default client, as a program that never configures trust: one GET, then ACCEPTED or REFUSED.
package main

import (
	"fmt"
	"net/http"
	"os"
	"time"
)

func main() {
	client := &http.Client{Timeout: 10 * time.Second}
	response, err := client.Get(os.Args[1])
	if err != nil {
		fmt.Println("REFUSED " + err.Error())
		os.Exit(1)
	}
	response.Body.Close()
	fmt.Println("ACCEPTED")
}

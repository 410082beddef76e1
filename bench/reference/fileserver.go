// The reference the range benchmark's target is set against: a plain Go net/http file
// server (http.FileServer, which answers Range requests and sends with sendfile). Built
// and run by bench/stream-vs-nginx.sh when a Go toolchain is on the PATH.
//
//	go run fileserver.go ADDRESS DIRECTORY
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	if len(os.Args) != 3 {
		log.Fatal("usage: fileserver ADDRESS DIRECTORY")
	}
	files := http.FileServer(http.Dir(os.Args[2]))
	http.Handle("/videos/", http.StripPrefix("/videos/", files))
	log.Fatal(http.ListenAndServe(os.Args[1], nil))
}

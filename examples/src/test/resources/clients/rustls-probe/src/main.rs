//! usage: rustls-probe HOST PORT CAFILE. Exit 0 accepted, 1 refused (with rustls's words), 2 no connection.
use std::io::{BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut roots = rustls::RootCertStore::empty();
    let mut pem = BufReader::new(std::fs::File::open(&args[3]).expect("cannot read the CA file"));
    for der in rustls_pemfile::certs(&mut pem).expect("cannot parse the CA file") {
        roots.add(&rustls::Certificate(der)).expect("an anchor rustls cannot use");
    }
    let config = rustls::ClientConfig::builder().with_safe_defaults().with_root_certificates(roots).with_no_client_auth();
    let name = args[1].as_str().try_into().expect("a DNS name");
    let mut connection = rustls::ClientConnection::new(Arc::new(config), name).unwrap();
    let mut socket = match TcpStream::connect(("127.0.0.1", args[2].parse::<u16>().unwrap())) {
        Ok(s) => s,
        Err(e) => { println!("connection refused: {e}"); std::process::exit(2); }
    };
    let mut tls = rustls::Stream::new(&mut connection, &mut socket);
    let request = format!("GET / HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", args[1]);
    if let Err(e) = tls.write_all(request.as_bytes()).and_then(|_| tls.read(&mut [0u8; 512])) {
        println!("handshake failed: {e}");
        std::process::exit(1);
    }
    println!("accepted {:?}", tls.conn.protocol_version());
}

//! The load generator of `samenspel bench serve`: a fixed number of HTTP/1.1 keep-alive
//! connections, each asking its next request as soon as the answer to the last one has been
//! read whole (as `wrk` does), for a fixed time. Written here so that the benchmark needs
//! nothing but this binary; it reads only what it must (the status, `Content-Length` or
//! chunked transfer coding, `Connection: close`).
//!
//! A benchmark tool, not a product path: it counts what it is answered and asserts nothing.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// One request as it is written on the wire.
#[derive(Debug, Clone)]
pub struct Request {
    bytes: Vec<u8>,
}

impl Request {
    /// A request for `path` with `headers` (name, value) and an optional body.
    pub fn new(method: &str, path: &str, headers: &[(&str, &str)], body: Option<&[u8]>) -> Self {
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: bench\r\n");
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if let Some(body) = body {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(body.unwrap_or_default());
        Self { bytes }
    }
}

/// What one run of the load gave.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Answers read whole.
    pub answered: u64,
    /// Of those, answers with a status of 400 or more, by status.
    pub refused: Vec<(u16, u64)>,
    /// Connections that broke (and were opened again).
    pub broken: u64,
    /// Bytes of the answers' bodies, as sent (compressed where they were).
    pub body_bytes: u64,
    /// The time each answer took, in microseconds, sorted.
    pub latencies: Vec<u32>,
    pub elapsed: Duration,
}

impl Outcome {
    pub fn per_second(&self) -> f64 {
        self.answered as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The `q`-quantile (0–1) of the latencies, by the nearest rank.
    pub fn quantile(&self, q: f64) -> Duration {
        quantile(&self.latencies, q)
    }
}

/// The `q`-quantile of sorted microseconds, by the nearest rank; zero when empty.
fn quantile(sorted: &[u32], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    let at = rank.clamp(1, sorted.len()) - 1;
    Duration::from_micros(u64::from(sorted[at]))
}

/// Drives `connections` connections, spread over `servers` in turn, for `duration`; each
/// connection cycles through `mix` from its own starting place.
pub async fn drive(
    servers: &[SocketAddr],
    mix: &[Request],
    connections: usize,
    duration: Duration,
) -> anyhow::Result<Outcome> {
    anyhow::ensure!(!servers.is_empty() && !mix.is_empty(), "geen server of verzoek");
    let mix: Arc<[Request]> = mix.into();
    let deadline = Instant::now() + duration;
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(connections);
    for n in 0..connections {
        let server = servers[n % servers.len()];
        let mix = Arc::clone(&mix);
        tasks.push(tokio::spawn(async move {
            connection(server, &mix, n, deadline).await
        }));
    }
    let mut outcome = Outcome::default();
    for task in tasks {
        let one = task.await.context("een verbinding van de belasting")??;
        outcome.answered += one.answered;
        outcome.broken += one.broken;
        outcome.body_bytes += one.body_bytes;
        outcome.latencies.extend(one.latencies);
        for (status, count) in one.refused {
            match outcome.refused.iter_mut().find(|(s, _)| *s == status) {
                Some((_, c)) => *c += count,
                None => outcome.refused.push((status, count)),
            }
        }
    }
    outcome.elapsed = start.elapsed();
    outcome.latencies.sort_unstable();
    outcome.refused.sort_unstable();
    Ok(outcome)
}

/// Sends `request` once on a new connection: the status.
pub async fn once(server: SocketAddr, request: &Request) -> anyhow::Result<u16> {
    let stream = TcpStream::connect(server).await?;
    let mut stream = BufReader::new(stream);
    stream.get_mut().write_all(&request.bytes).await?;
    let mut body = Vec::new();
    Ok(read_answer(&mut stream, &mut body).await?.status)
}

/// `GET path` once on a new connection, without compression: the status and the body.
pub async fn get(server: SocketAddr, path: &str) -> anyhow::Result<(u16, Vec<u8>)> {
    let request = Request::new("GET", path, &[], None);
    let stream = TcpStream::connect(server).await?;
    let mut stream = BufReader::new(stream);
    stream.get_mut().write_all(&request.bytes).await?;
    let mut body = Vec::new();
    let answer = read_answer(&mut stream, &mut body).await?;
    Ok((answer.status, body))
}

/// One connection's loop; it opens the connection again when the server closes it.
async fn connection(
    server: SocketAddr,
    mix: &[Request],
    first: usize,
    deadline: Instant,
) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome::default();
    let mut next = first % mix.len();
    let mut body = Vec::with_capacity(1 << 16);
    'open: while Instant::now() < deadline {
        let stream = match TcpStream::connect(server).await {
            Ok(stream) => stream,
            Err(error) => bail!("kan {server} niet bereiken: {error}"),
        };
        stream.set_nodelay(true).ok();
        let mut stream = BufReader::with_capacity(1 << 16, stream);
        while Instant::now() < deadline {
            let request = &mix[next];
            next = (next + 1) % mix.len();
            let sent = Instant::now();
            let answer = async {
                stream.get_mut().write_all(&request.bytes).await?;
                read_answer(&mut stream, &mut body).await
            }
            .await;
            match answer {
                Ok(answer) => {
                    let took = sent.elapsed().as_micros().min(u128::from(u32::MAX)) as u32;
                    outcome.answered += 1;
                    outcome.latencies.push(took);
                    outcome.body_bytes += body.len() as u64;
                    if answer.status >= 400 {
                        match outcome.refused.iter_mut().find(|(s, _)| *s == answer.status) {
                            Some((_, c)) => *c += 1,
                            None => outcome.refused.push((answer.status, 1)),
                        }
                    }
                    if answer.close {
                        continue 'open;
                    }
                }
                Err(_) => {
                    outcome.broken += 1;
                    continue 'open;
                }
            }
        }
    }
    Ok(outcome)
}

/// The parts of an answer the generator needs.
#[derive(Debug, PartialEq, Eq)]
struct Answer {
    status: u16,
    close: bool,
}

/// Reads one answer whole, its body into `body`.
async fn read_answer<R: tokio::io::AsyncBufRead + Unpin>(
    stream: &mut R,
    body: &mut Vec<u8>,
) -> std::io::Result<Answer> {
    let invalid = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned());
    let mut line = Vec::with_capacity(128);
    read_line(stream, &mut line).await?;
    let status = std::str::from_utf8(&line)
        .ok()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| invalid("status line"))?;
    let (mut length, mut chunked, mut close) = (None, false, false);
    loop {
        read_line(stream, &mut line).await?;
        if line.is_empty() {
            break;
        }
        let text = String::from_utf8_lossy(&line);
        let Some((name, value)) = text.split_once(':') else {
            return Err(invalid("header"));
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = Some(value.parse::<usize>().map_err(|_| invalid("content-length"))?);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.eq_ignore_ascii_case("chunked");
        } else if name.eq_ignore_ascii_case("connection") {
            close = value.eq_ignore_ascii_case("close");
        }
    }
    body.clear();
    if chunked {
        loop {
            read_line(stream, &mut line).await?;
            let size = std::str::from_utf8(&line)
                .ok()
                .map(|l| l.split(';').next().unwrap_or_default().trim())
                .and_then(|hex| usize::from_str_radix(hex, 16).ok())
                .ok_or_else(|| invalid("chunk size"))?;
            if size == 0 {
                // Trailers, if any, end with an empty line.
                loop {
                    read_line(stream, &mut line).await?;
                    if line.is_empty() {
                        break;
                    }
                }
                break;
            }
            let from = body.len();
            body.resize(from + size, 0);
            stream.read_exact(&mut body[from..]).await?;
            read_line(stream, &mut line).await?;
        }
    } else if let Some(length) = length {
        body.resize(length, 0);
        stream.read_exact(body).await?;
    } else if status != 204 && status != 304 && !(100..200).contains(&status) {
        // Without a length the body ends when the server closes the connection.
        stream.read_to_end(body).await?;
        close = true;
    }
    Ok(Answer { status, close })
}

/// One line without its line end; an error at the end of the stream.
async fn read_line<R: tokio::io::AsyncBufRead + Unpin>(
    stream: &mut R,
    line: &mut Vec<u8>,
) -> std::io::Result<()> {
    line.clear();
    if stream.read_until(b'\n', line).await? == 0 {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        line.pop();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn read(wire: &[u8]) -> std::io::Result<(Answer, Vec<u8>)> {
        let mut stream = BufReader::new(wire);
        let mut body = Vec::new();
        let answer = read_answer(&mut stream, &mut body).await?;
        Ok((answer, body))
    }

    #[tokio::test]
    async fn an_answer_with_a_length_is_read_to_its_length_and_no_further() {
        let wire = b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhelloHTTP/1.1";
        let (answer, body) = read(wire).await.unwrap();
        assert_eq!(
            answer,
            Answer {
                status: 200,
                close: false
            }
        );
        assert_eq!(body, b"hello");
    }

    #[tokio::test]
    async fn a_chunked_answer_is_joined_and_its_trailers_skipped() {
        let wire = b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\na;x=1\r\n0123456789\r\n0\r\nX-T: 1\r\n\r\n";
        let (answer, body) = read(wire).await.unwrap();
        assert_eq!(
            answer,
            Answer {
                status: 404,
                close: true
            }
        );
        assert_eq!(body, b"abc0123456789");
    }

    #[tokio::test]
    async fn a_broken_answer_is_an_error_not_a_count() {
        assert!(
            read(b"HTTP/1.1 200 OK\r\ncontent-length: 9\r\n\r\nshort")
                .await
                .is_err()
        );
        assert!(read(b"garbage\r\n\r\n").await.is_err());
        assert!(read(b"").await.is_err());
    }

    #[test]
    fn quantiles_by_the_nearest_rank() {
        let sorted: Vec<u32> = (1..=100).collect();
        assert_eq!(quantile(&sorted, 0.5), Duration::from_micros(50));
        assert_eq!(quantile(&sorted, 0.99), Duration::from_micros(99));
        assert_eq!(quantile(&sorted, 1.0), Duration::from_micros(100));
        assert_eq!(quantile(&[7], 0.99), Duration::from_micros(7));
        assert_eq!(quantile(&[], 0.5), Duration::ZERO);
    }

    #[test]
    fn a_request_carries_its_headers_and_the_length_of_its_body() {
        let r = Request::new("POST", "/x", &[("Accept-Encoding", "br")], Some(b"{}"));
        assert_eq!(
            r.bytes,
            b"POST /x HTTP/1.1\r\nHost: bench\r\nAccept-Encoding: br\r\nContent-Length: 2\r\n\r\n{}"
        );
    }
}

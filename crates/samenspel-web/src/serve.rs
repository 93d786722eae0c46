//! The accept loop. `axum::serve` sets no timer on its connections, so a client that sends its
//! headers a byte at a time, or opens a connection and says nothing, keeps it (and a task)
//! forever. Here every HTTP/1.1 connection gets hyper's header timeout, which also runs while a
//! kept-alive connection waits for its next request, so slow and idle connections are closed;
//! the router itself bounds how long a request body may take and how long a request may run
//! ([`crate::router`]).

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::{ConnectInfo, Request};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::ServiceExt as _;

/// How long a client may take to send a request's headers, and how long a kept-alive
/// connection may wait for its next request.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// How long the whole body of a request may take to arrive (the largest import included).
pub const BODY_DEADLINE: Duration = Duration::from_secs(60);

/// How long a request may run before it is answered 503; a store transaction it was in is
/// rolled back.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);

/// How long a shutdown waits for requests in progress.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

/// Serves `router` on `listener` until `shutdown` completes, then lets the requests in progress
/// finish (for at most 30 seconds).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(HEADER_TIMEOUT);
    tokio::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = router.clone().map_request(move |mut request: Request<_>| {
            request.extensions_mut().insert(ConnectInfo::<SocketAddr>(remote));
            request
        });
        let connection = http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%error, %remote, "connection ended with an error");
            }
        });
    }
    drop(listener);
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("requests still running after the shutdown grace period were dropped");
    }
    Ok(())
}

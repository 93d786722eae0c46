//! samenspel-testkit

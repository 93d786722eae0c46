//! samenspel-web

//! samenspel-app

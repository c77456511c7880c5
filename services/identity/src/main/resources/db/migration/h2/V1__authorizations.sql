-- Spring Authorization Server's tables (spring-security-oauth2-authorization-server 1.5
-- oauth2-authorization-schema.sql and oauth2-authorization-consent-schema.sql). H2's PostgreSQL mode knows no blob;
-- unbounded character varying (up to a million characters in H2) holds the tokens and can be compared and indexed,
-- which a CLOB cannot. Instants are stored with their time zone. Added: created_at for the clean-up of
-- authorizations that never got a token, and indexes on the values the server looks authorizations up by (every
-- code exchange, refresh, userinfo call and sign-out). The clients are not stored: they come from configuration.
CREATE TABLE oauth2_authorization (
    id varchar(100) NOT NULL,
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    authorization_grant_type varchar(100) NOT NULL,
    authorized_scopes varchar(1000) DEFAULT NULL,
    attributes character varying DEFAULT NULL,
    state varchar(500) DEFAULT NULL,
    authorization_code_value character varying DEFAULT NULL,
    authorization_code_issued_at timestamp with time zone DEFAULT NULL,
    authorization_code_expires_at timestamp with time zone DEFAULT NULL,
    authorization_code_metadata character varying DEFAULT NULL,
    access_token_value character varying DEFAULT NULL,
    access_token_issued_at timestamp with time zone DEFAULT NULL,
    access_token_expires_at timestamp with time zone DEFAULT NULL,
    access_token_metadata character varying DEFAULT NULL,
    access_token_type varchar(100) DEFAULT NULL,
    access_token_scopes varchar(1000) DEFAULT NULL,
    oidc_id_token_value character varying DEFAULT NULL,
    oidc_id_token_issued_at timestamp with time zone DEFAULT NULL,
    oidc_id_token_expires_at timestamp with time zone DEFAULT NULL,
    oidc_id_token_metadata character varying DEFAULT NULL,
    refresh_token_value character varying DEFAULT NULL,
    refresh_token_issued_at timestamp with time zone DEFAULT NULL,
    refresh_token_expires_at timestamp with time zone DEFAULT NULL,
    refresh_token_metadata character varying DEFAULT NULL,
    user_code_value character varying DEFAULT NULL,
    user_code_issued_at timestamp with time zone DEFAULT NULL,
    user_code_expires_at timestamp with time zone DEFAULT NULL,
    user_code_metadata character varying DEFAULT NULL,
    device_code_value character varying DEFAULT NULL,
    device_code_issued_at timestamp with time zone DEFAULT NULL,
    device_code_expires_at timestamp with time zone DEFAULT NULL,
    device_code_metadata character varying DEFAULT NULL,
    created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX oauth2_authorization_state ON oauth2_authorization (state);
CREATE INDEX oauth2_authorization_code ON oauth2_authorization (authorization_code_value);
CREATE INDEX oauth2_authorization_access_token ON oauth2_authorization (access_token_value);
CREATE INDEX oauth2_authorization_id_token ON oauth2_authorization (oidc_id_token_value);
CREATE INDEX oauth2_authorization_refresh_token ON oauth2_authorization (refresh_token_value);
CREATE INDEX oauth2_authorization_created_at ON oauth2_authorization (created_at);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    authorities varchar(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

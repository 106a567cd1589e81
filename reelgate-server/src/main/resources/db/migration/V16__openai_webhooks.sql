-- The OpenAI dialect's webhook endpoint, set per key by the operator (OpenAI configures webhooks per project, never
-- per request): every openai task the key creates carries it as its callback URL. NULL = no webhook.
ALTER TABLE api_key ADD COLUMN webhook_url VARCHAR(2048);

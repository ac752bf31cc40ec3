import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api';

/** Sign out on the server (best effort), forget every cached answer, go to the login page. */
export function useSignOut(): (reason: 'logout' | 'idle') => Promise<void> {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (reason) => {
      try {
        await api('/auth/logout', { method: 'POST' });
      } catch {
        // the session may already be gone; the page still returns to login
      }
      client.removeQueries();
      await navigate(`/login?reason=${reason}`, { replace: true });
    },
    [client, navigate],
  );
}

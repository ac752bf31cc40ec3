import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { onAuthEvent } from './api';

/** Turns the API's auth events into navigation: 401 → login, forced password change → its page. */
export function AuthEvents() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const location = useLocation();
  const where = useRef(location.pathname);
  useEffect(() => {
    where.current = location.pathname;
  }, [location.pathname]);

  useEffect(
    () =>
      onAuthEvent((event) => {
        const path = where.current;
        if (event === 'unauthenticated') {
          client.removeQueries();
          if (path !== '/login') {
            const next = path === '/' || path === '/change-password' ? '' : `?next=${encodeURIComponent(path)}`;
            void navigate(`/login${next}`, { replace: true });
          }
        } else if (path !== '/change-password') {
          void navigate('/change-password', { replace: true });
        }
      }),
    [client, navigate],
  );
  return null;
}
